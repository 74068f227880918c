using System.Runtime.InteropServices;
using System.Text;

namespace Slipway.Inputs;

/// <summary>
/// Unicode normalization form C for context paths. The build runs with invariant globalization, where
/// <see cref="string.Normalize(NormalizationForm)"/> leaves non-ASCII text unchanged, so this class calls the
/// system ICU library (libicuuc) directly when the runtime cannot normalize.
/// </summary>
internal static class UnicodeNfc
{
    private static readonly Lazy<Func<string, string>?> Normalizer = new(CreateNormalizer);

    private delegate IntPtr GetNfcInstance(ref int errorCode);

    // ICU's UChar is a UTF-16 code unit, so the arrays are marshalled as UTF-16.
    [UnmanagedFunctionPointer(CallingConvention.Cdecl, CharSet = CharSet.Unicode)]
    private delegate int NormalizeText(
        IntPtr normalizer, [In] char[] source, int length, [In, Out] char[] destination, int capacity,
        ref int errorCode);

    /// <summary>Whether <see cref="Normalize"/> can compose non-ASCII text on this machine.</summary>
    public static bool IsAvailable => Normalizer.Value is not null;

    /// <summary>Returns the NFC form of the text, or the text unchanged when no normalizer is available.</summary>
    public static string Normalize(string text)
    {
        if (Ascii.IsValid(text))
        {
            return text;
        }

        return Normalizer.Value is { } normalize ? normalize(text) : text;
    }

    private static Func<string, string>? CreateNormalizer()
    {
        const string probe = "e\u0301";
        if (probe.Normalize(NormalizationForm.FormC) == "\u00e9")
        {
            return text => text.Normalize(NormalizationForm.FormC);
        }

        return CreateIcuNormalizer();
    }

    // ICU exports versioned symbols such as "unorm2_normalize_72", so try the unversioned library name first and
    // then the major versions that Linux distributions ship.
    private static Func<string, string>? CreateIcuNormalizer()
    {
        for (var version = 99; version >= 50; version--)
        {
            if (!NativeLibrary.TryLoad($"libicuuc.so.{version}", out var library)
                && !(version == 99 && NativeLibrary.TryLoad("libicuuc.so", out library)))
            {
                continue;
            }

            foreach (var suffix in new[] { $"_{version}", "" })
            {
                if (NativeLibrary.TryGetExport(library, "unorm2_getNFCInstance" + suffix, out var getInstance)
                    && NativeLibrary.TryGetExport(library, "unorm2_normalize" + suffix, out var normalize))
                {
                    return BindIcu(getInstance, normalize);
                }
            }
        }

        return null;
    }

    private static Func<string, string>? BindIcu(IntPtr getInstanceExport, IntPtr normalizeExport)
    {
        var getInstance = Marshal.GetDelegateForFunctionPointer<GetNfcInstance>(getInstanceExport);
        var normalize = Marshal.GetDelegateForFunctionPointer<NormalizeText>(normalizeExport);
        var errorCode = 0;
        var instance = getInstance(ref errorCode);
        if (errorCode > 0 || instance == IntPtr.Zero)
        {
            return null;
        }

        return text =>
        {
            var source = text.ToCharArray();

            // NFC never makes text longer than three times its length (Unicode Standard Annex #15).
            var destination = new char[source.Length * 3];
            var status = 0;
            var length = normalize(instance, source, source.Length, destination, destination.Length, ref status);
            if (status > 0)
            {
                throw new InvalidOperationException($"ICU failed to normalize \"{text}\" to NFC (error {status})");
            }

            return new string(destination, 0, length);
        };
    }
}
