using System.Text;

namespace Slipway.Descriptions;

/// <summary>Description text after <see cref="DescriptionText.Fit"/>, with the UTF-8 size of the input.</summary>
public sealed record FitResult(string Text, bool WasCut, int OriginalBytes);

/// <summary>Size limits for registry descriptions, which registries count in UTF-8 bytes.</summary>
public static class DescriptionText
{
    private const string NoticeSeparator = "\n\n";
    private const string Ellipsis = "…";

    /// <summary>Returns the notice appended to a truncated description.</summary>
    public static string CutNotice(string fullReadmeUrl) =>
        $"*This description is truncated because of the registry's size limit. The full README is at {fullReadmeUrl}*";

    /// <summary>
    /// Truncates <paramref name="text"/> so that it, a blank line and <paramref name="notice"/> fit in
    /// <paramref name="maxBytes"/> UTF-8 bytes. Text that already fits is returned unchanged and without the notice.
    /// The cut falls between Unicode scalar values, so it never splits a multi-byte character or a surrogate pair.
    /// </summary>
    /// <exception cref="ArgumentException">The notice alone does not fit in <paramref name="maxBytes"/>.</exception>
    public static FitResult Fit(string text, int maxBytes, string notice)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(notice);
        var originalBytes = Encoding.UTF8.GetByteCount(text);
        if (originalBytes <= maxBytes)
            return new FitResult(text, WasCut: false, originalBytes);

        var tail = NoticeSeparator + notice;
        var budget = maxBytes - Encoding.UTF8.GetByteCount(tail);
        if (budget < 0)
            throw new ArgumentException(
                $"The notice needs {Encoding.UTF8.GetByteCount(tail)} bytes but the limit is {maxBytes} bytes.",
                nameof(notice));

        var kept = CutToBytes(text, budget).TrimEnd();
        return new FitResult(kept + tail, WasCut: true, originalBytes);
    }

    /// <summary>
    /// Truncates a one-line description to <paramref name="maxBytes"/> UTF-8 bytes, ending it with "…".
    /// The cut moves back to the last space when one is in the second half of the kept text.
    /// </summary>
    public static FitResult FitLine(string text, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        var originalBytes = Encoding.UTF8.GetByteCount(text);
        if (originalBytes <= maxBytes)
            return new FitResult(text, WasCut: false, originalBytes);

        var kept = CutToBytes(text, maxBytes - Encoding.UTF8.GetByteCount(Ellipsis));
        var lastSpace = kept.LastIndexOf(' ');
        if (lastSpace > kept.Length / 2)
            kept = kept[..lastSpace];
        return new FitResult(kept.TrimEnd() + Ellipsis, WasCut: true, originalBytes);
    }

    /// <summary>Returns the longest prefix of <paramref name="text"/> whose UTF-8 encoding fits the budget.</summary>
    internal static string CutToBytes(string text, int budgetBytes)
    {
        var usedBytes = 0;
        var charCount = 0;
        // EnumerateRunes yields U+FFFD (1 UTF-16 char, 3 UTF-8 bytes) for a lone surrogate,
        // the same 3 bytes that Encoding.UTF8 writes when it replaces the surrogate.
        foreach (var rune in text.EnumerateRunes())
        {
            if (usedBytes + rune.Utf8SequenceLength > budgetBytes)
                break;
            usedBytes += rune.Utf8SequenceLength;
            charCount += rune.Utf16SequenceLength;
        }

        return text[..charCount];
    }
}
