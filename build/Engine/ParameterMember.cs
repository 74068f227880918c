using System.Reflection;

namespace Slipway.Engine;

/// <summary>
/// A field or property of the build class that carries <see cref="ParameterAttribute"/>.
/// </summary>
internal sealed class ParameterMember
{
    private const BindingFlags InstanceMembers =
        BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    private ParameterMember(MemberInfo member, Type valueType, ParameterAttribute attribute)
    {
        Member = member;
        ValueType = valueType;
        Name = attribute.Name ?? member.Name;
        Description = attribute.Description;
        IsSecret = member.GetCustomAttribute<SecretAttribute>() is not null;
    }

    public MemberInfo Member { get; }
    public Type ValueType { get; }

    /// <summary>Parameter name in PascalCase, used in parameter files and matched against options.</summary>
    public string Name { get; }
    public string Description { get; }
    public bool IsSecret { get; }
    public string OptionName => NameFormat.ToOption(Name);

    public object? GetValue(object build) => Member switch
    {
        FieldInfo field => field.GetValue(build),
        PropertyInfo property => property.GetValue(build),
        _ => null,
    };

    public void SetValue(object build, object? value)
    {
        if (Member is FieldInfo field)
        {
            field.SetValue(build, value);
        }
        else
        {
            ((PropertyInfo)Member).SetValue(build, value);
        }
    }

    /// <summary>Finds the parameters of the build type and its base types, sorted by name.</summary>
    public static IReadOnlyList<ParameterMember> Discover(Type buildType)
    {
        var parameters = new Dictionary<string, ParameterMember>(StringComparer.Ordinal);
        for (var type = buildType; type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var member in type.GetMembers(InstanceMembers))
            {
                var attribute = member.GetCustomAttribute<ParameterAttribute>();
                if (attribute is null || parameters.ContainsKey(member.Name))
                {
                    continue;
                }

                parameters[member.Name] = new ParameterMember(member, GetValueType(member), attribute);
            }
        }

        var result = parameters.Values.OrderBy(parameter => parameter.Name, StringComparer.Ordinal).ToList();
        CheckDuplicateNames(result);
        return result;
    }

    private static Type GetValueType(MemberInfo member)
    {
        var (type, writable) = member switch
        {
            FieldInfo field => (field.FieldType, true),
            PropertyInfo property => (property.PropertyType, property.SetMethod is not null),
            _ => (typeof(void), false),
        };
        if (!writable)
        {
            throw new BuildFailedException(
                $"Parameter property '{member.Name}' has no setter. Add a set or init accessor.");
        }

        if (!ParameterValueConverter.IsSupported(type))
        {
            throw new BuildFailedException(
                $"Parameter '{member.Name}' has type {type.Name}, which is not supported. Use string, bool, int, " +
                "long, double, an enum, a nullable of those or an array of those.");
        }

        return type;
    }

    private static void CheckDuplicateNames(IEnumerable<ParameterMember> parameters)
    {
        var duplicate = parameters.GroupBy(parameter => NameFormat.NormalizeOption(parameter.Name))
            .FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            var members = string.Join(", ", duplicate.Select(parameter => parameter.Member.Name));
            throw new BuildFailedException(
                $"Parameters {members} have the same option name {duplicate.First().OptionName}.");
        }
    }
}
