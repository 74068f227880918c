using System.Diagnostics;
using Serilog;
using Slipway.Catalog;
using Slipway.Descriptions;
using Slipway.Docker;
using Slipway.Fingerprints;
using Slipway.Planning;

namespace Slipway.Publishing;

/// <summary>
/// Builds and pushes the planned images: parents before children, independent images in parallel. A failed image
/// does not stop independent ones; its in-repo children are skipped with the reason. An image counts as pushed
/// only when every tag is in every registry.
/// </summary>
public sealed class Publisher(DockerCli docker, PublishOptions options, string root)
{
    public async Task<IReadOnlyList<ImageOutcome>> PublishAsync(IReadOnlyList<ImagePlan> plans,
        CancellationToken token = default)
    {
        using var gate = new SemaphoreSlim(Math.Max(1, options.MaxParallel));
        var tasks = new Dictionary<ImageDefinition, Task<ImageOutcome>>();
        foreach (var plan in plans)
            tasks[plan.Node.Image] = RunAsync(plan, tasks, gate, token);
        return await Task.WhenAll(plans.Select(p => tasks[p.Node.Image]));
    }

    private async Task<ImageOutcome> RunAsync(ImagePlan plan, Dictionary<ImageDefinition, Task<ImageOutcome>> tasks,
        SemaphoreSlim gate, CancellationToken token)
    {
        // Plans arrive parents first, so the task of every parent in this run exists already. A parent outside the
        // run (limited with --images) is taken as it is in the registry.
        foreach (var parent in plan.Node.Parents)
        {
            if (!tasks.TryGetValue(parent.Image, out var parentTask))
                continue;
            var parentOutcome = await parentTask;
            if (parentOutcome.Status is OutcomeStatus.Failed or OutcomeStatus.Skipped)
                return new ImageOutcome(plan.Id, OutcomeStatus.Skipped,
                    $"parent {parent.Image.Id} {parentOutcome.Status.ToString().ToLowerInvariant()}", TimeSpan.Zero);
        }

        if (!plan.NeedsBuild)
            return new ImageOutcome(plan.Id, OutcomeStatus.UpToDate, plan.Reason, TimeSpan.Zero);

        await gate.WaitAsync(token);
        var stopwatch = Stopwatch.StartNew();
        try
        {
            return await BuildAndPushAsync(plan, stopwatch, token);
        }
        catch (DockerCommandException e)
        {
            Log.Error("{Image}: {Message}", plan.Id, e.Message);
            var dockerfile = ImageCatalog.Relative(root, plan.Node.Image.DockerfilePath);
            var reason = e.Command == "docker build" ? $"{dockerfile}: {e.Summary}" : e.Summary;
            return new ImageOutcome(plan.Id, OutcomeStatus.Failed, reason, stopwatch.Elapsed, FailureFile: dockerfile);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<ImageOutcome> BuildAndPushAsync(ImagePlan plan, Stopwatch stopwatch, CancellationToken token)
    {
        var image = plan.Node.Image;
        Log.Information("{Image}: building ({Reason})", plan.Id, plan.Reason);
        var labels = new Dictionary<string, string>(options.Labels)
        {
            ["org.opencontainers.image.created"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
            ["org.opencontainers.image.version"] = image.Version,
            ["org.opencontainers.image.title"] = image.Name,
            [ImageLabels.Fingerprint] = plan.Inputs.Fingerprint,
            [ImageLabels.Inputs] = InputsLabel.Encode(plan.Inputs.Digests),
        };
        // Registries without a description field (GHCR and most others) show this label instead.
        var readme = image.ReadmePath is null ? "" : await File.ReadAllTextAsync(image.ReadmePath, token);
        if (OciDescription.From(image.Description, readme) is { Length: > 0 } description)
            labels["org.opencontainers.image.description"] = description;
        var cacheFrom = new List<string> { plan.PrimaryReference };
        var cacheTo = new List<string>();
        if (options.GitHubCacheScope is { Length: > 0 } scope)
        {
            var imageScope = $"{scope}/{image.Name}-{image.Version}";
            cacheFrom.Add($"type=gha,scope={imageScope}");
            cacheTo.Add($"type=gha,mode=max,scope={imageScope}");
        }

        var request = new ImageBuildRequest(image.ContextDirectory, image.DockerfilePath, plan.References,
            plan.Node.BuildArgs, labels, image.Target, image.Platforms,
            image.Network is "default" ? null : image.Network ?? options.DefaultNetwork, cacheFrom, cacheTo,
            options.Pull);
        var imageId = await docker.BuildAsync(request, line => Log.Debug("{Image} | {Line:l}", plan.Id, line), token);
        Log.Information("{Image}: built {ImageId}", plan.Id, Shorten(imageId));
        if (image.Test.Count > 0 && await TestAsync(plan, imageId, token) is { } failure)
            return failure with { Duration = stopwatch.Elapsed };

        if (options.NoPush || !image.Push)
        {
            var why = options.NoPush ? "--no-push" : "push: false in image.yml";
            return new ImageOutcome(plan.Id, OutcomeStatus.Built, $"{plan.Reason}; not pushed ({why})",
                stopwatch.Elapsed, imageId);
        }

        // Planning reads only the primary reference, so it is pushed last: while any other tag or registry is
        // missing, the primary still carries the old fingerprint and the next run pushes the image again.
        foreach (var reference in plan.References.Skip(1))
            await PushWithRetriesAsync(plan.Id, reference, token);
        var digest = await PushWithRetriesAsync(plan.Id, plan.PrimaryReference, token);
        Log.Information("{Image}: pushed {Count} tags, digest {Digest}", plan.Id, plan.References.Count,
            Shorten(digest));
        return new ImageOutcome(plan.Id, OutcomeStatus.Pushed, plan.Reason, stopwatch.Elapsed, digest);
    }

    /// <summary>Runs the image's test command; returns a failed outcome, or null when the test passed.</summary>
    private async Task<ImageOutcome?> TestAsync(ImagePlan plan, string imageId, CancellationToken token)
    {
        var image = plan.Node.Image;
        var network = image.Network is "default" ? null : image.Network ?? options.DefaultNetwork;
        var result = await docker.RunAsync(imageId, image.Test, network,
            line => Log.Debug("{Image} test | {Line:l}", plan.Id, line), token);
        if (result.Succeeded)
        {
            Log.Information("{Image}: test passed", plan.Id);
            return null;
        }

        var lastLines = (result.StandardOutput + result.StandardError)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(3);
        var reason = $"test failed with exit code {result.ExitCode}: {string.Join(" / ", lastLines)}";
        Log.Error("{Image}: {Reason}; not pushed", plan.Id, reason);
        var settingsFile = image.SettingsFiles.LastOrDefault() ?? image.DockerfilePath;
        return new ImageOutcome(plan.Id, OutcomeStatus.Failed, reason, TimeSpan.Zero,
            FailureFile: ImageCatalog.Relative(root, settingsFile));
    }

    private async Task<string> PushWithRetriesAsync(string id, string reference, CancellationToken token)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await docker.PushAsync(reference, line => Log.Debug("{Image} | {Line:l}", id, line), token);
            }
            catch (DockerCommandException e) when (attempt < options.PushAttempts)
            {
                var delay = TimeSpan.FromSeconds(2 * attempt);
                Log.Warning("{Image}: push of {Reference} failed (attempt {Attempt} of {Attempts}), retrying in " +
                            "{Delay}s: {Error}", id, reference, attempt, options.PushAttempts, delay.TotalSeconds,
                    e.Summary);
                await Task.Delay(delay, token);
            }
        }
    }

    /// <summary>Shortens <c>sha256:&lt;64 hex&gt;</c> to its first 12 hex digits, as docker does.</summary>
    public static string Shorten(string digest)
    {
        var hex = digest.StartsWith("sha256:", StringComparison.Ordinal) ? digest[7..] : digest;
        return "sha256:" + (hex.Length > 12 ? hex[..12] : hex);
    }
}
