namespace Slipway.Descriptions;

public enum DescriptionSyncStatus
{
    /// <summary>The registry already had the same description, so nothing was sent.</summary>
    Unchanged,

    /// <summary>The registry description was replaced.</summary>
    Updated,
}

/// <summary>
/// Outcome of one description sync: whether the registry was updated, the registry field names that changed
/// (such as <c>full_description</c>), and warnings such as a truncated description.
/// </summary>
public sealed record DescriptionSyncResult(
    DescriptionSyncStatus Status,
    IReadOnlyList<string> UpdatedFields,
    IReadOnlyList<string> Warnings)
{
    public static DescriptionSyncResult Unchanged(IReadOnlyList<string> warnings) =>
        new(DescriptionSyncStatus.Unchanged, [], warnings);

    public static DescriptionSyncResult Updated(IReadOnlyList<string> fields, IReadOnlyList<string> warnings) =>
        new(DescriptionSyncStatus.Updated, fields, warnings);
}
