using System.Reflection;

namespace Slipway.Engine;

/// <summary>
/// Builds the target list from the build class's <see cref="Target"/> properties and its dynamic targets, and
/// resolves the relations between them.
/// </summary>
internal static class TargetDiscovery
{
    private const BindingFlags InstanceProperties =
        BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    public static TargetLookup Discover(BuildHost build, IEnumerable<DynamicTarget> dynamicTargets)
    {
        var declared = FindTargetProperties(build.GetType())
            .Select(property => (property.Name, Factory: (Target)property.GetValue(build)!));
        var dynamic = dynamicTargets.Select(target => (target.Name, Factory: target.Definition));

        var targets = new List<ExecutableTarget>();
        foreach (var (name, factory) in declared.Concat(dynamic))
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new BuildFailedException("A dynamic target has an empty name.");
            }

            var definition = new TargetDefinition();
            factory(definition);
            targets.Add(new ExecutableTarget(name, factory, definition));
        }

        var lookup = new TargetLookup(targets);
        foreach (var target in targets)
        {
            ResolveRelations(target, lookup);
        }

        return lookup;
    }

    private static IEnumerable<PropertyInfo> FindTargetProperties(Type buildType)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var properties = new List<PropertyInfo>();
        for (var type = buildType; type is not null && type != typeof(object); type = type.BaseType)
        {
            // Properties keep declaration order within a type. A derived override hides the base property.
            var declared = type.GetProperties(InstanceProperties)
                .Where(property => property.PropertyType == typeof(Target) && property.GetIndexParameters().Length == 0)
                .OrderBy(property => property.MetadataToken);
            properties.AddRange(declared.Where(property => names.Add(property.Name)));
        }

        return properties;
    }

    private static void ResolveRelations(ExecutableTarget target, TargetLookup lookup)
    {
        var definition = target.Definition;
        foreach (var dependency in lookup.Resolve(target, definition.DependsOnReferences, "DependsOn"))
        {
            AddOnce(target.Dependencies, dependency);
        }

        foreach (var dependent in lookup.Resolve(target, definition.DependentForReferences, "DependentFor"))
        {
            AddOnce(dependent.Dependencies, target);
        }

        foreach (var later in lookup.Resolve(target, definition.BeforeReferences, "Before"))
        {
            AddOnce(later.OrderedAfter, target);
        }

        foreach (var earlier in lookup.Resolve(target, definition.AfterReferences, "After"))
        {
            AddOnce(target.OrderedAfter, earlier);
        }

        foreach (var triggered in lookup.Resolve(target, definition.TriggersReferences, "Triggers"))
        {
            AddOnce(target.Triggers, triggered);
        }

        foreach (var trigger in lookup.Resolve(target, definition.TriggeredByReferences, "TriggeredBy"))
        {
            AddOnce(trigger.Triggers, target);
        }
    }

    private static void AddOnce(List<ExecutableTarget> targets, ExecutableTarget target)
    {
        if (!targets.Contains(target))
        {
            targets.Add(target);
        }
    }
}
