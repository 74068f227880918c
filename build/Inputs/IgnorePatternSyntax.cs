namespace Slipway.Inputs;

/// <summary>
/// Syntax checks for .dockerignore patterns. Docker rejects a pattern that Go's <c>filepath.Match</c> reports as
/// malformed, so these rules follow that function: a class needs a closing <c>]</c> and at least one range, a range
/// bound that is <c>-</c> or <c>]</c> must be escaped, ranges must not run backwards, and a pattern must not end in
/// a lone <c>\</c>.
/// </summary>
internal static class IgnorePatternSyntax
{
    private const string SpecialCharacters = @"*?[]^\";

    public static bool HasSpecialCharacters(string text) => text.AsSpan().IndexOfAny(SpecialCharacters) >= 0;

    /// <summary>Returns why the pattern is malformed, or null when it is valid.</summary>
    public static string? FindError(string pattern)
    {
        var i = 0;
        while (i < pattern.Length)
        {
            var ch = pattern[i];
            if (ch == '\\')
            {
                if (i + 1 == pattern.Length)
                {
                    return "the pattern ends with an unescaped backslash";
                }

                i += 2;
            }
            else if (ch == '[')
            {
                var error = SkipClass(pattern, ref i);
                if (error is not null)
                {
                    return error;
                }
            }
            else
            {
                i++;
            }
        }

        return null;
    }

    // Moves i past the class that starts at pattern[i].
    private static string? SkipClass(string pattern, ref int i)
    {
        i++;
        if (i < pattern.Length && pattern[i] == '^')
        {
            i++;
        }

        var rangeCount = 0;
        while (true)
        {
            if (i < pattern.Length && pattern[i] == ']' && rangeCount > 0)
            {
                i++;
                return null;
            }

            if (!TryReadClassCharacter(pattern, ref i, out var low))
            {
                return "a character class is empty, unclosed, or has an unescaped '-' or ']'";
            }

            if (i < pattern.Length && pattern[i] == '-')
            {
                i++;
                if (!TryReadClassCharacter(pattern, ref i, out var high))
                {
                    return "a character range has no upper bound";
                }

                if (high < low)
                {
                    return $"the character range {low}-{high} runs backwards";
                }
            }

            rangeCount++;
        }
    }

    private static bool TryReadClassCharacter(string pattern, ref int i, out char value)
    {
        value = '\0';
        if (i >= pattern.Length || pattern[i] == '-' || pattern[i] == ']')
        {
            return false;
        }

        if (pattern[i] == '\\')
        {
            i++;
            if (i >= pattern.Length)
            {
                return false;
            }
        }

        value = pattern[i];
        i++;
        return true;
    }
}
