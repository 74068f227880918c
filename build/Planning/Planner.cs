using Serilog;
using Slipway.Catalog;
using Slipway.Fingerprints;

namespace Slipway.Planning;

/// <summary>
/// Decides which images to build: fingerprints every image (own inputs in parallel, then parents first), then
/// compares each with the labels of its published primary tag, looked up concurrently.
/// </summary>
public sealed class Planner(PublishTarget target, IPublishedLabels published, FileDigestCache cache, string root)
{
    private const int ConcurrentLookups = 8;

    public async Task<IReadOnlyList<ImagePlan>> PlanAsync(ImageGraph graph, PlanOptions options,
        CancellationToken token = default)
    {
        var own = new OwnInputs[graph.Ordered.Count];
        Parallel.For(0, graph.Ordered.Count, i => own[i] = FingerprintCalculator.ReadOwnInputs(graph.Ordered[i].Image, cache));
        cache.Save();

        var inputs = new Dictionary<ImageDefinition, ImageInputs>();
        for (var i = 0; i < graph.Ordered.Count; i++)
        {
            var node = graph.Ordered[i];
            var parents = node.Parents.ToDictionary(p => p.Reference, p => inputs[p.Image].Fingerprint);
            inputs[node.Image] = FingerprintCalculator.Combine(own[i], parents);
            foreach (var warning in own[i].Warnings)
                Log.Warning("{Image}: {Warning}", node.Image.Id, warning);
            CheckUnresolved(node, options);
        }

        using var gate = new SemaphoreSlim(ConcurrentLookups);
        var decisions = graph.Ordered.Select(async node =>
        {
            await gate.WaitAsync(token);
            try
            {
                return await DecideAsync(node, inputs[node.Image], options, token);
            }
            finally
            {
                gate.Release();
            }
        });
        return await Task.WhenAll(decisions);
    }

    private void CheckUnresolved(ImageNode node, PlanOptions options)
    {
        foreach (var unresolved in node.Unresolved)
        {
            var where = $"{ImageCatalog.Relative(root, node.Image.DockerfilePath)}:{unresolved.Line}";
            if (options.Strict)
                throw new PlanException($"{where}: cannot resolve '{unresolved.Text}' ({unresolved.Reason}). Give the " +
                                        "ARG a default or set it in buildArgs of image.yml.");
            Log.Warning("{Location}: cannot resolve {Text} ({Reason}), so {Image} is always rebuilt",
                where, unresolved.Text, unresolved.Reason, node.Image.Id);
        }
    }

    private async Task<ImagePlan> DecideAsync(ImageNode node, ImageInputs inputs, PlanOptions options,
        CancellationToken token)
    {
        var image = node.Image;
        var references = target.Registries
            .SelectMany(r => image.Tags.Select(t => $"{target.Repository(r, image.Name)}:{t}")).ToList();
        ImagePlan Plan(ImageStatus status, string reason, IReadOnlyList<string>? changed = null) =>
            new(node, inputs, status, reason, changed ?? [], references);

        if (options.ForceAll || options.ForcedImages.Contains(image.Id))
            return Plan(ImageStatus.Forced, "forced by request");
        if (node.Unresolved.Count > 0)
            return Plan(ImageStatus.UnknownBase, $"unknown base image: {node.Unresolved[0].Text}");

        var labels = await published.GetAsync(target.PrimaryRegistry, target.RepositoryPath(image.Name), image.Version,
            references[0], token);
        if (labels is null)
            return Plan(ImageStatus.New, $"{references[0]} is not in the {published.Description} yet");
        var publishedFingerprint = labels.GetValueOrDefault(ImageLabels.Fingerprint);
        if (publishedFingerprint == inputs.Fingerprint)
            return Plan(ImageStatus.UpToDate, "fingerprint matches the published image");
        if (publishedFingerprint is null)
            return Plan(ImageStatus.Changed, $"{references[0]} has no Slipway fingerprint label");

        var publishedInputs = labels.TryGetValue(ImageLabels.Inputs, out var encoded) ? InputsLabel.Decode(encoded) : null;
        if (publishedInputs is null)
            return Plan(ImageStatus.Changed, "fingerprint differs (the published image lists no inputs)");

        var changed = InputsLabel.Differences(publishedInputs, inputs.Digests);
        var parentsOnly = changed.Count > 0 && changed.All(c => c.StartsWith(FingerprintCalculator.ParentInputPrefix, StringComparison.Ordinal));
        if (parentsOnly)
        {
            var names = changed.Select(c => c[FingerprintCalculator.ParentInputPrefix.Length..]);
            return Plan(ImageStatus.ParentChanged, "parent changed: " + string.Join(", ", names), changed);
        }

        var shown = changed.Count <= 5 ? string.Join(", ", changed) : string.Join(", ", changed.Take(5)) + $" and {changed.Count - 5} more";
        return Plan(ImageStatus.Changed, changed.Count == 0 ? "fingerprint format changed" : "changed: " + shown, changed);
    }
}
