using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Slipway.GitHubActions;

/// <summary>
/// Splits the images that need building into independent matrix jobs. An image and those of its in-repo parents that
/// also need building share a job, because the child must be built from the freshly built parent.
/// </summary>
public static class MatrixGrouping
{
    /// <summary>GitHub Actions rejects a matrix that expands to more than 256 jobs in one workflow run.</summary>
    public const int MaxMatrixJobs = 256;

    /// <summary>
    /// Groups the images that need building into the connected components of their parent edges, counting only edges
    /// where both ends need building. Images inside a group are in dependency order (parents first, ties by ordinal
    /// name). Groups are sorted by their first image's name.
    /// </summary>
    /// <exception cref="ArgumentException">Names repeat, a parent is not in the list, or parents form a
    /// cycle.</exception>
    public static IReadOnlyList<MatrixGroup> Group(IReadOnlyList<PlannedImage> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var byName = IndexByName(images);

        var toBuild = images.Where(image => image.NeedsBuild).Select(image => image.Name).ToList();
        var components = new DisjointSets(toBuild);
        foreach (var name in toBuild)
        {
            foreach (var parent in byName[name].Parents.Where(parent => byName[parent].NeedsBuild))
            {
                components.Union(name, parent);
            }
        }

        var ordered = toBuild
            .GroupBy(components.Find, StringComparer.Ordinal)
            .Select(component => SortParentsFirst(component.ToList(), byName))
            .OrderBy(group => group[0], StringComparer.Ordinal)
            .ToList();

        return AssignIds(ordered);
    }

    /// <summary>
    /// Renders the groups as the compact JSON matrix that the build job's <c>strategy.matrix</c> reads:
    /// <c>{"include":[{"group":"&lt;id&gt;","images":"a/1.0+b/2.0"}]}</c>, or <c>{"include":[]}</c> for no groups.
    /// </summary>
    /// <exception cref="InvalidOperationException">There are more than <see cref="MaxMatrixJobs"/> groups.</exception>
    public static string ToMatrixJson(IReadOnlyList<MatrixGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (groups.Count > MaxMatrixJobs)
        {
            throw new InvalidOperationException(
                $"The plan has {groups.Count} independent image groups, but GitHub Actions allows at most " +
                $"{MaxMatrixJobs} matrix jobs per run. " +
                "Build fewer images per run, for example by forcing fewer images.");
        }

        using var stream = new MemoryStream();

        // The relaxed encoder keeps '+' and '/' readable. The output is single-line, so it is safe for $GITHUB_OUTPUT.
        var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };
        using (var writer = new Utf8JsonWriter(stream, options))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("include");
            foreach (var group in groups)
            {
                writer.WriteStartObject();
                writer.WriteString("group", group.Id);
                writer.WriteString("images", string.Join('+', group.Images));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// Formats the <c>matrix</c> and <c>count</c> lines that the plan step appends to <c>$GITHUB_OUTPUT</c>.
    /// </summary>
    public static string ToGitHubOutput(IReadOnlyList<MatrixGroup> groups) =>
        $"matrix={ToMatrixJson(groups)}\ncount={groups.Count}\n";

    private static Dictionary<string, PlannedImage> IndexByName(IReadOnlyList<PlannedImage> images)
    {
        var byName = new Dictionary<string, PlannedImage>(StringComparer.Ordinal);
        foreach (var image in images)
        {
            if (!byName.TryAdd(image.Name, image))
            {
                throw new ArgumentException($"The image {image.Name} is listed twice.", nameof(images));
            }
        }

        foreach (var image in images)
        {
            var missing = image.Parents.FirstOrDefault(parent => !byName.ContainsKey(parent));
            if (missing is not null)
            {
                throw new ArgumentException(
                    $"The image {image.Name} names the parent image {missing}, which is not in the plan. " +
                    "List every in-repo image.",
                    nameof(images));
            }
        }

        return byName;
    }

    /// <summary>
    /// Sorts one component topologically (Kahn's algorithm), taking the ordinally smallest ready image each time.
    /// </summary>
    private static List<string> SortParentsFirst(List<string> component, Dictionary<string, PlannedImage> byName)
    {
        var members = component.ToHashSet(StringComparer.Ordinal);
        var pendingParents = component.ToDictionary(
            name => name,
            name => byName[name].Parents.Distinct(StringComparer.Ordinal).Count(members.Contains),
            StringComparer.Ordinal);
        var ready = new SortedSet<string>(component.Where(name => pendingParents[name] == 0), StringComparer.Ordinal);
        var sorted = new List<string>(component.Count);

        while (ready.Count > 0)
        {
            var next = ready.Min!;
            ready.Remove(next);
            sorted.Add(next);

            foreach (var child in component.Where(name => byName[name].Parents.Contains(next, StringComparer.Ordinal)))
            {
                pendingParents[child]--;
                if (pendingParents[child] == 0)
                {
                    ready.Add(child);
                }
            }
        }

        if (sorted.Count < component.Count)
        {
            var cycle = component.Where(name => pendingParents[name] > 0).Order(StringComparer.Ordinal);
            throw new ArgumentException($"The parent images form a cycle among: {string.Join(", ", cycle)}.", "images");
        }

        return sorted;
    }

    /// <summary>
    /// Names each group after its first image with '/' replaced by '-' (<c>static-web/1.0</c> becomes
    /// <c>static-web-1.0</c>), adding <c>-2</c>, <c>-3</c> in group order when two names collapse to the same id.
    /// </summary>
    private static List<MatrixGroup> AssignIds(List<List<string>> groups)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<MatrixGroup>(groups.Count);
        foreach (var images in groups)
        {
            var baseId = images[0].Replace('/', '-');
            var id = baseId;
            for (var suffix = 2; !used.Add(id); suffix++)
            {
                id = $"{baseId}-{suffix}";
            }

            result.Add(new MatrixGroup(id, images));
        }

        return result;
    }

    /// <summary>Union-find over image names, with path compression.</summary>
    private sealed class DisjointSets
    {
        private readonly Dictionary<string, string> parentOf;

        public DisjointSets(IEnumerable<string> names) =>
            parentOf = names.ToDictionary(name => name, name => name, StringComparer.Ordinal);

        public string Find(string name)
        {
            var root = name;
            while (parentOf[root] != root)
            {
                root = parentOf[root];
            }

            while (parentOf[name] != root)
            {
                var next = parentOf[name];
                parentOf[name] = root;
                name = next;
            }

            return root;
        }

        public void Union(string first, string second) => parentOf[Find(first)] = Find(second);
    }
}
