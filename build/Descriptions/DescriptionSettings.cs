namespace Slipway.Descriptions;

/// <summary>Which registries keep descriptions, where their APIs are, and the credentials for them.</summary>
public sealed record DescriptionSettings
{
    /// <summary>The registry host whose repositories are described through the Docker Hub API.</summary>
    public string DockerHubRegistry { get; init; } = "docker.io";

    public Uri DockerHubApi { get; init; } = DockerHubClient.DefaultBaseAddress;

    public string? DockerHubUsername { get; init; }

    public string? DockerHubToken { get; init; }

    /// <summary>The registry host whose repositories are described through the Quay API.</summary>
    public string QuayRegistry { get; init; } = "quay.io";

    public Uri QuayApi { get; init; } = QuayClient.DefaultBaseAddress;

    public string? QuayToken { get; init; }

    /// <summary>
    /// Web address of the git repository, to make README links absolute; null leaves links as they are.
    /// </summary>
    public string? SourceUrl { get; init; }

    /// <summary>The commit that README links point at.</summary>
    public string? Revision { get; init; }

    /// <summary>Log what would be sent instead of sending it.</summary>
    public bool DryRun { get; init; }

    public override string ToString() =>
        $"Docker Hub {DockerHubRegistry} ({(DockerHubToken is null ? "no token" : "token set")}), " +
        $"Quay {QuayRegistry} ({(QuayToken is null ? "no token" : "token set")})";
}

/// <summary>The result of describing one repository in one registry.</summary>
public sealed record DescriptionOutcome(string Repository, string Registry, string Status, string Message)
{
    public bool Failed => Status == "failed";
}
