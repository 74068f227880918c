using System.Net;
using System.Text;

namespace Slipway.Engine;

/// <summary>
/// Writes <c>.nuke/temp/execution-plan.html</c>, a Mermaid graph of all targets and their relations with the
/// scheduled ones highlighted.
/// </summary>
internal static class ExecutionPlanWriter
{
    // The browser that opens the page loads Mermaid from this CDN; the engine itself never fetches it.
    private const string MermaidModule = "https://cdn.jsdelivr.net/npm/mermaid@11/dist/mermaid.esm.min.mjs";

    public static string Write(
        string temporaryDirectory, TargetLookup targets, IReadOnlyCollection<ExecutableTarget> plan)
    {
        var path = Path.Combine(temporaryDirectory, "execution-plan.html");
        File.WriteAllText(path, Render(targets, plan));
        return path;
    }

    public static string Render(TargetLookup targets, IReadOnlyCollection<ExecutableTarget> plan)
    {
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\">");
        html.AppendLine("<head>");
        html.AppendLine("<meta charset=\"utf-8\">");
        html.AppendLine("<title>Execution plan</title>");
        html.AppendLine("<script type=\"module\">");
        html.AppendLine($"import mermaid from '{MermaidModule}';");
        html.AppendLine("mermaid.initialize({ startOnLoad: true });");
        html.AppendLine("</script>");
        html.AppendLine("</head>");
        html.AppendLine("<body>");
        html.AppendLine("<pre class=\"mermaid\">");
        html.Append(WebUtility.HtmlEncode(RenderGraph(targets, plan)));
        html.AppendLine("</pre>");
        html.AppendLine("</body>");
        html.AppendLine("</html>");
        return html.ToString();
    }

    /// <summary>Renders the Mermaid graph, with solid arrows for dependencies and dotted ones for the rest.</summary>
    public static string RenderGraph(TargetLookup targets, IReadOnlyCollection<ExecutableTarget> plan)
    {
        var ids = targets.All.Select((target, index) => (target, id: $"t{index}"))
            .ToDictionary(pair => pair.target, pair => pair.id);
        var graph = new StringBuilder();
        graph.AppendLine("graph TD");
        foreach (var target in targets.All)
        {
            graph.AppendLine($"  {ids[target]}[\"{target.Name.Replace("\"", "#quot;", StringComparison.Ordinal)}\"]");
        }

        foreach (var target in targets.All)
        {
            foreach (var dependency in target.Dependencies)
            {
                graph.AppendLine($"  {ids[dependency]} --> {ids[target]}");
            }

            foreach (var earlier in target.OrderedAfter)
            {
                graph.AppendLine($"  {ids[earlier]} -.->|before| {ids[target]}");
            }

            foreach (var triggered in target.Triggers)
            {
                graph.AppendLine($"  {ids[target]} -.->|triggers| {ids[triggered]}");
            }
        }

        if (plan.Count > 0)
        {
            graph.AppendLine("  classDef scheduled fill:#cfe2ff,stroke:#0b5ed7,stroke-width:2px");
            graph.AppendLine($"  class {string.Join(",", plan.Select(target => ids[target]))} scheduled");
        }

        return graph.ToString();
    }
}
