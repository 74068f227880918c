using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Slipway.Catalog;
using Slipway.Inputs;
using Slipway.Planning;

namespace Slipway.Pipeline;

/// <summary>Writes a plan for people (one block per image) or as JSON for programs.</summary>
public static class PlanReport
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static string ToText(IReadOnlyList<ImagePlan> plans, string root)
    {
        var text = new StringBuilder();
        foreach (var plan in plans)
        {
            var image = plan.Node.Image;
            text.AppendLine($"{plan.Id}: {Describe(plan.Status)} ({plan.Reason})");
            text.AppendLine($"  references:  {string.Join(", ", plan.References)}");
            text.AppendLine($"  context:     {ImageCatalog.Relative(root, image.ContextDirectory)} " +
                            $"({plan.Inputs.ContextEntries.Count} entries)");
            text.AppendLine($"  dockerfile:  {ImageCatalog.Relative(root, image.DockerfilePath)}");
            text.AppendLine($"  readme:      " +
                            $"{(image.ReadmePath is null ? "none" : ImageCatalog.Relative(root, image.ReadmePath))}");
            var parents = plan.Node.Parents.Select(p => p.Image.Id)
                .Concat(plan.Node.ExternalBases.Select(b => b.Reference + " (external)")).Distinct().ToList();
            text.AppendLine($"  parents:     {(parents.Count == 0 ? "none" : string.Join(", ", parents))}");
            text.AppendLine($"  fingerprint: {plan.Inputs.Fingerprint}");
        }

        var building = plans.Count(p => p.NeedsBuild);
        text.AppendLine($"{building} of {plans.Count} images would be built.");
        return text.ToString();
    }

    public static string ToJson(IReadOnlyList<ImagePlan> plans, string root)
    {
        var images = plans.Select(plan => new
        {
            id = plan.Id,
            name = plan.Node.Image.Name,
            version = plan.Node.Image.Version,
            status = plan.Status,
            needsBuild = plan.NeedsBuild,
            reason = plan.Reason,
            changedInputs = plan.ChangedInputs,
            references = plan.References,
            context = ImageCatalog.Relative(root, plan.Node.Image.ContextDirectory),
            dockerfile = ImageCatalog.Relative(root, plan.Node.Image.DockerfilePath),
            readme = plan.Node.Image.ReadmePath is { } readme ? ImageCatalog.Relative(root, readme) : null,
            parents = plan.Node.Parents.Select(p => p.Image.Id),
            externalBases = plan.Node.ExternalBases.Select(b => b.Reference).Distinct(),
            fingerprint = plan.Inputs.Fingerprint,
            contextFiles = plan.Inputs.ContextEntries.Where(e => e.Kind != ContextEntryKind.Directory)
                .Select(e => e.Path),
        });
        return JsonSerializer.Serialize(new { images }, JsonOptions);
    }

    public static string Describe(ImageStatus status) => status switch
    {
        ImageStatus.New => "new",
        ImageStatus.UpToDate => "up to date",
        ImageStatus.Changed => "changed",
        ImageStatus.ParentChanged => "parent changed",
        ImageStatus.Forced => "forced",
        ImageStatus.UnknownBase => "unknown base",
        _ => status.ToString(),
    };
}
