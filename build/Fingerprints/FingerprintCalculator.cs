using System.Security.Cryptography;
using System.Text;
using Slipway.Catalog;
using Slipway.Inputs;

namespace Slipway.Fingerprints;

/// <summary>
/// Computes an image's fingerprint: a SHA-256 over a canonical list of what the builder receives. Each context
/// entry contributes its type, its NFC path, its executable bit and its content digest (a link its target text);
/// then the Dockerfile's path and content, build args, target stage, platforms and the fingerprints of in-repo
/// parent images. Sizes, modification times, owners and other mode bits never count, so the same tree gives the
/// same fingerprint on any machine, under any umask and in any file order.
/// </summary>
public static class FingerprintCalculator
{
    /// <summary>Part of every fingerprint, so that a change of these rules changes all fingerprints once.</summary>
    public const string FormatVersion = "slipway-fingerprint/1";

    public const string DockerfileInput = "@dockerfile";
    public const string ParentInputPrefix = "@parent:";

    /// <summary>Scans and hashes an image's own inputs: everything except its parents' fingerprints.</summary>
    public static OwnInputs ReadOwnInputs(ImageDefinition image, FileDigestCache cache)
    {
        var ignore = ContextScanner.LoadIgnoreFile(image.ContextDirectory, image.DockerfilePath, out var ignoreFile);
        var scan = ContextScanner.Scan(image.ContextDirectory, ignore);
        var digests = new InputDigest[scan.Entries.Count];
        Parallel.For(0, scan.Entries.Count, i =>
        {
            var entry = scan.Entries[i];
            var digest = entry.Kind switch
            {
                ContextEntryKind.File => cache.GetDigest(Path.Combine(image.ContextDirectory, entry.FileSystemPath)),
                ContextEntryKind.SymbolicLink => HashText(entry.LinkTarget ?? ""),
                _ => "",
            };
            var kind = entry.Kind switch
            {
                ContextEntryKind.File => entry.IsExecutable ? "x" : "f",
                ContextEntryKind.SymbolicLink => "l",
                _ => "d",
            };
            digests[i] = new InputDigest(entry.Path, kind + ":" + digest);
        });

        var dockerfilePath = Path.GetRelativePath(image.ContextDirectory, image.DockerfilePath).Replace('\\', '/');
        var settings = new List<InputDigest>
        {
            new(DockerfileInput, HashText(dockerfilePath + "\0" + File.ReadAllText(image.DockerfilePath))),
        };
        settings.AddRange(image.BuildArgs.Select(a => new InputDigest("@arg:" + a.Key, HashText(a.Value))));
        if (image.Target is { Length: > 0 })
            settings.Add(new InputDigest("@target", HashText(image.Target)));
        if (image.Platforms.Count > 0)
            settings.Add(new InputDigest("@platforms", HashText(string.Join(',', image.Platforms))));

        return new OwnInputs(scan.Entries, digests, settings, scan.Warnings, ignoreFile);
    }

    /// <summary>
    /// Combines an image's own inputs with the fingerprints of its in-repo parents, keyed by reference.
    /// </summary>
    public static ImageInputs Combine(OwnInputs own, IReadOnlyDictionary<string, string> parentFingerprints)
    {
        var all = new List<InputDigest>(own.ContextDigests.Count + own.Settings.Count + parentFingerprints.Count);
        all.AddRange(own.ContextDigests);
        all.AddRange(own.Settings);
        all.AddRange(parentFingerprints.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new InputDigest(ParentInputPrefix + p.Key, p.Value)));

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, FormatVersion);
        foreach (var input in all)
        {
            Append(hash, input.Name);
            Append(hash, input.Digest);
        }

        var fingerprint = "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
        return new ImageInputs(own.ContextEntries, all, fingerprint, own.Warnings);
    }

    private static void Append(IncrementalHash hash, string text)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(text));
        hash.AppendData([0]);
    }

    private static string HashText(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

/// <summary>An image's inputs before its parents are known.</summary>
public sealed record OwnInputs(
    IReadOnlyList<ContextEntry> ContextEntries,
    IReadOnlyList<InputDigest> ContextDigests,
    IReadOnlyList<InputDigest> Settings,
    IReadOnlyList<string> Warnings,
    string? IgnoreFile);
