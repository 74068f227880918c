namespace Slipway.Dockerfiles;

/// <summary>The ARG and ENV values visible inside one build stage.</summary>
internal sealed class StageScope
{
    public Dictionary<string, string?> Args { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string?> Env { get; } = new(StringComparer.Ordinal);

    /// <summary>Returns a variable's value. ENV wins over an ARG of the same name, as in Docker.</summary>
    public string? Lookup(string name) => Env.TryGetValue(name, out var env) ? env : Args.GetValueOrDefault(name);

    /// <summary>Creates the scope of a stage built on this one, which inherits ENV but not ARG values.</summary>
    public StageScope CreateChild()
    {
        var child = new StageScope();
        foreach (var (name, value) in Env)
        {
            child.Env[name] = value;
        }

        return child;
    }
}
