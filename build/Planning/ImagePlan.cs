using Slipway.Fingerprints;

namespace Slipway.Planning;

/// <summary>The decision for one image: its inputs, fingerprint, status and the reason in words.</summary>
public sealed record ImagePlan(
    ImageNode Node,
    ImageInputs Inputs,
    ImageStatus Status,
    string Reason,
    IReadOnlyList<string> ChangedInputs,
    IReadOnlyList<string> References)
{
    public bool NeedsBuild => Status != ImageStatus.UpToDate;

    public string Id => Node.Image.Id;

    /// <summary>The reference whose labels decide the status: the primary registry and the version tag.</summary>
    public string PrimaryReference => References[0];
}
