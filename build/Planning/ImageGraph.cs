using Slipway.Catalog;
using Slipway.Dockerfiles;
using Slipway.References;

namespace Slipway.Planning;

/// <summary>
/// Links images to the in-repo images they build on. A base image counts as in-repo when its normalised reference
/// is one this repository publishes: any configured registry, the configured namespace, the image name and one of
/// its tags. Anything else, such as <c>redis:7</c> from Docker Hub beside this repository's <c>acme/redis:7</c>,
/// is an external base.
/// </summary>
public sealed class ImageGraph
{
    private ImageGraph(IReadOnlyList<ImageNode> ordered) => Ordered = ordered;

    /// <summary>Every image, parents before children; ties keep the catalog's order.</summary>
    public IReadOnlyList<ImageNode> Ordered { get; }

    public static ImageGraph Create(IReadOnlyList<ImageDefinition> images, PublishTarget target, string root)
    {
        var published = new Dictionary<string, ImageDefinition>(StringComparer.Ordinal);
        foreach (var image in images)
        {
            foreach (var registry in target.Registries)
            {
                foreach (var tag in image.Tags)
                    published[Normalize($"{target.Repository(registry, image.Name)}:{tag}")] = image;
            }
        }

        var nodes = images.Select(image => Link(image, target, published, root)).ToList();
        return new ImageGraph(Sort(nodes));
    }

    private static ImageNode Link(ImageDefinition image, PublishTarget target,
        Dictionary<string, ImageDefinition> published, string root)
    {
        var text = File.ReadAllText(image.DockerfilePath);
        var buildArgs = new SortedDictionary<string, string>(image.BuildArgs.ToDictionary(), StringComparer.Ordinal);
        var info = DockerfileParser.Parse(text, buildArgs);
        // The prefix arg changes what FROM resolves to, so the Dockerfile is parsed again only when it was added.
        if (info.GlobalArgNames.Contains(PublishTarget.RepositoryPrefixArg) &&
            !buildArgs.ContainsKey(PublishTarget.RepositoryPrefixArg))
        {
            buildArgs[PublishTarget.RepositoryPrefixArg] = target.Prefix(target.PrimaryRegistry);
            info = DockerfileParser.Parse(text, buildArgs);
        }

        var parents = new List<ImageParent>();
        var external = new List<ParentReference>();
        foreach (var parent in info.Parents)
        {
            if (!ImageReference.TryParse(parent.Reference, out var reference, out var error))
                throw new PlanException($"{ImageCatalog.Relative(root, image.DockerfilePath)}:{parent.Line}: " +
                                        $"'{parent.Reference}' is not a valid image reference ({error}).");
            if (published.TryGetValue(reference!.Normalize().ToString(), out var parentImage))
            {
                if (parentImage == image)
                    throw new PlanException($"{ImageCatalog.Relative(root, image.DockerfilePath)}:{parent.Line}: " +
                                            $"{image.Id} builds on itself ({parent.Reference}).");
                if (parents.All(p => p.Image != parentImage))
                    parents.Add(new ImageParent(parent.Reference, parentImage));
            }
            else
            {
                external.Add(parent);
            }
        }

        return new ImageNode(image, buildArgs, parents, external, info.Unresolved);
    }

    private static string Normalize(string reference) => ImageReference.Parse(reference).Normalize().ToString();

    private static List<ImageNode> Sort(List<ImageNode> nodes)
    {
        var byImage = nodes.ToDictionary(n => n.Image);
        var state = new Dictionary<ImageNode, bool>();   // false: on the current path, true: done
        var ordered = new List<ImageNode>();
        var path = new List<ImageNode>();

        void Visit(ImageNode node)
        {
            if (state.TryGetValue(node, out var done))
            {
                if (done)
                    return;
                var cycle = path.Skip(path.IndexOf(node)).Select(n => n.Image.Id).Append(node.Image.Id);
                throw new PlanException($"Images depend on each other in a cycle: {string.Join(" -> ", cycle)}. " +
                                        "Change one FROM so that the chain ends at an external base image.");
            }

            state[node] = false;
            path.Add(node);
            foreach (var parent in node.Parents)
                Visit(byImage[parent.Image]);
            path.RemoveAt(path.Count - 1);
            state[node] = true;
            ordered.Add(node);
        }

        foreach (var node in nodes)
            Visit(node);
        return ordered;
    }
}
