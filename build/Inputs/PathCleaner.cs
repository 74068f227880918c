namespace Slipway.Inputs;

/// <summary>
/// Lexical path cleaning with the rules of Go's <c>path.Clean</c>, which Docker applies to every
/// .dockerignore pattern: repeated slashes collapse, <c>.</c> segments go, <c>..</c> removes the segment
/// before it, and a rooted path cannot climb above the root. An empty result becomes <c>.</c>.
/// </summary>
internal static class PathCleaner
{
    public static string Clean(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }

        var rooted = path[0] == '/';
        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment != "..")
            {
                segments.Add(segment);
            }
            else if (segments.Count > 0 && segments[^1] != "..")
            {
                segments.RemoveAt(segments.Count - 1);
            }
            else if (!rooted)
            {
                segments.Add(segment);
            }
        }

        var joined = string.Join('/', segments);
        if (rooted)
        {
            return "/" + joined;
        }

        return joined.Length == 0 ? "." : joined;
    }
}
