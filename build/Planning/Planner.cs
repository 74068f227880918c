using Serilog;
using Slipway.Catalog;
using Slipway.Fingerprints;

namespace Slipway.Planning;

/// <summary>
/// Decides which images to build: fingerprints every image (own inputs in parallel, then parents first), then
/// compares each with the labels of its published primary tag. The label lookups need only the references, so they
/// start first and run concurrently while the build contexts are scanned and hashed.
/// </summary>
public sealed class Planner(PublishTarget target, IPublishedLabels published, FileDigestCache cache, string root)
{
    private const int ConcurrentLookups = 8;

    private static readonly Task<IReadOnlyDictionary<string, string>?> NotLookedUp =
        Task.FromResult<IReadOnlyDictionary<string, string>?>(null);

    public async Task<IReadOnlyList<ImagePlan>> PlanAsync(ImageGraph graph, PlanOptions options,
        CancellationToken token = default)
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(token);
        var gate = new SemaphoreSlim(ConcurrentLookups);
        var lookups = graph.Ordered
            .Select(node => NeedsLookup(node, options) ? LookUpAsync(node, gate, cancellation.Token) : NotLookedUp)
            .ToList();

        Dictionary<ImageDefinition, ImageInputs> inputs;
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            inputs = Fingerprint(graph, options);
            Log.Debug("Fingerprinted {Count} images in {Seconds:0.000} s", inputs.Count, stopwatch.Elapsed.TotalSeconds);
        }
        catch
        {
            // The lookups' results are of no use now, so they stop instead of running on in the background.
            await cancellation.CancelAsync();
            throw;
        }

        await Task.WhenAll(lookups);
        Log.Debug("Looked up {Count} published images in the {Source} in {Seconds:0.000} s (overlapping fingerprinting)",
            lookups.Count(l => l != NotLookedUp), published.Description, stopwatch.Elapsed.TotalSeconds);
        var plans = new ImagePlan[graph.Ordered.Count];
        for (var i = 0; i < plans.Length; i++)
        {
            var node = graph.Ordered[i];
            plans[i] = Decide(node, inputs[node.Image], options, await lookups[i]);
        }

        return plans;
    }

    private Dictionary<ImageDefinition, ImageInputs> Fingerprint(ImageGraph graph, PlanOptions options)
    {
        var own = new OwnInputs[graph.Ordered.Count];
        Parallel.For(0, graph.Ordered.Count,
            i => own[i] = FingerprintCalculator.ReadOwnInputs(graph.Ordered[i].Image, cache));
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

        return inputs;
    }

    private void CheckUnresolved(ImageNode node, PlanOptions options)
    {
        foreach (var unresolved in node.Unresolved)
        {
            var where = $"{ImageCatalog.Relative(root, node.Image.DockerfilePath)}:{unresolved.Line}";
            if (options.Strict)
                throw new PlanException($"{where}: cannot resolve '{unresolved.Text}' ({unresolved.Reason}). " +
                                        "Give the ARG a default or set it in buildArgs of image.yml.");
            Log.Warning("{Location}: cannot resolve {Text} ({Reason}), so {Image} is always rebuilt",
                where, unresolved.Text, unresolved.Reason, node.Image.Id);
        }
    }

    private static bool NeedsLookup(ImageNode node, PlanOptions options) =>
        !options.ForceAll && !options.ForcedImages.Contains(node.Image.Id) && node.Unresolved.Count == 0;

    private List<string> References(ImageDefinition image) => target.Registries
        .SelectMany(r => image.Tags.Select(t => $"{target.Repository(r, image.Name)}:{t}")).ToList();

    private async Task<IReadOnlyDictionary<string, string>?> LookUpAsync(ImageNode node, SemaphoreSlim gate,
        CancellationToken token)
    {
        var image = node.Image;
        await gate.WaitAsync(token);
        try
        {
            return await published.GetAsync(target.PrimaryRegistry, target.RepositoryPath(image.Name), image.Version,
                References(image)[0], token);
        }
        finally
        {
            gate.Release();
        }
    }

    private ImagePlan Decide(ImageNode node, ImageInputs inputs, PlanOptions options,
        IReadOnlyDictionary<string, string>? labels)
    {
        var image = node.Image;
        var references = References(image);
        ImagePlan Plan(ImageStatus status, string reason, IReadOnlyList<string>? changed = null) =>
            new(node, inputs, status, reason, changed ?? [], references);

        if (options.ForceAll || options.ForcedImages.Contains(image.Id))
            return Plan(ImageStatus.Forced, "forced by request");
        if (node.Unresolved.Count > 0)
            return Plan(ImageStatus.UnknownBase, $"unknown base image: {node.Unresolved[0].Text}");

        if (labels is null)
            return Plan(ImageStatus.New, $"{references[0]} is not in the {published.Description} yet");
        var publishedFingerprint = labels.GetValueOrDefault(ImageLabels.Fingerprint);
        if (publishedFingerprint == inputs.Fingerprint)
            return Plan(ImageStatus.UpToDate, "fingerprint matches the published image");
        if (publishedFingerprint is null)
            return Plan(ImageStatus.Changed, $"{references[0]} has no Slipway fingerprint label");

        var publishedInputs = labels.TryGetValue(ImageLabels.Inputs, out var encoded)
            ? InputsLabel.Decode(encoded)
            : null;
        if (publishedInputs is null)
            return Plan(ImageStatus.Changed, "fingerprint differs (the published image lists no inputs)");

        var changed = InputsLabel.Differences(publishedInputs, inputs.Digests);
        var parentsOnly = changed.Count > 0 &&
            changed.All(c => c.StartsWith(FingerprintCalculator.ParentInputPrefix, StringComparison.Ordinal));
        if (parentsOnly)
        {
            var names = changed.Select(c => c[FingerprintCalculator.ParentInputPrefix.Length..]);
            return Plan(ImageStatus.ParentChanged, "parent changed: " + string.Join(", ", names), changed);
        }

        var shown = changed.Count <= 5
            ? string.Join(", ", changed)
            : string.Join(", ", changed.Take(5)) + $" and {changed.Count - 5} more";
        return Plan(ImageStatus.Changed, changed.Count == 0 ? "fingerprint format changed" : "changed: " + shown,
            changed);
    }
}
