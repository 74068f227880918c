namespace Slipway.Dockerfiles;

/// <summary>The variables, stages and results collected while reading a Dockerfile's instructions in order.</summary>
internal sealed class DockerfileParseState(
    IReadOnlyDictionary<string, string> buildArgs, IReadOnlyList<string?> allStageNames, char escape)
{
    /// <summary>BuildKit's automatic platform arguments, which are in the global scope without an ARG.</summary>
    private static readonly HashSet<string> PlatformArgNames =
    [
        "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT",
        "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT",
    ];

    private readonly Dictionary<string, string?> globalArgs = new(StringComparer.Ordinal);
    private readonly List<string> globalArgNames = [];
    private readonly List<StageScope> stages = [];
    private readonly List<string> stageNames = [];
    private readonly List<ParentReference> parents = [];
    private readonly List<UnresolvedReference> unresolved = [];

    private bool InGlobalScope => stages.Count == 0;

    public DockerfileInfo ToInfo() => new(parents, unresolved, stageNames, globalArgNames);

    public void DeclareArgs(DockerfileInstruction instruction)
    {
        foreach (var word in DockerfileWords.Split(instruction.Arguments, escape))
        {
            var equals = word.IndexOf('=');
            var name = equals < 0 ? word : word[..equals];
            string? value = null;
            if (equals >= 0)
            {
                value = ExpandDefault(word[(equals + 1)..]);
            }
            else if (!InGlobalScope && globalArgs.TryGetValue(name, out var globalValue))
            {
                // A stage's "ARG NAME" without a default takes the global value.
                value = globalValue;
            }

            if (buildArgs.TryGetValue(name, out var buildArg))
            {
                value = buildArg;
            }

            if (!InGlobalScope)
            {
                stages[^1].Args[name] = value;
                continue;
            }

            globalArgs[name] = value;
            if (!globalArgNames.Contains(name))
            {
                globalArgNames.Add(name);
            }
        }
    }

    public void SetEnvironment(DockerfileInstruction instruction)
    {
        if (InGlobalScope)
        {
            return;
        }

        var words = DockerfileWords.Split(instruction.Arguments, escape);
        if (words.Count > 0 && !words[0].Contains('='))
        {
            // The legacy form "ENV NAME value with spaces" sets one variable to the rest of the line.
            var rest = instruction.Arguments[words[0].Length..].Trim();
            stages[^1].Env[words[0]] = ExpandDefault(rest);
            return;
        }

        foreach (var word in words)
        {
            var equals = word.IndexOf('=');
            stages[^1].Env[word[..equals]] = ExpandDefault(word[(equals + 1)..]);
        }
    }

    public void StartStage(DockerfileInstruction instruction, string? name)
    {
        var (flags, words) = DockerfileWords.ExtractFlags(instruction.Arguments, escape);
        var platform = ExpandPlatform(flags.LastOrDefault(f => f.Key == "platform").Value);
        var scope = new StageScope();
        if (words.Count == 0)
        {
            unresolved.Add(new(instruction.Line, instruction.Arguments, "FROM names no image"));
        }
        else if (TryExpand(instruction, words[0], LookupGlobal, out var reference) && reference != "scratch")
        {
            var stageIndex = FindEarlierStage(reference);
            if (stageIndex < 0)
            {
                parents.Add(new(reference, ParentKind.From, instruction.Line, platform));
            }
            else
            {
                scope = stages[stageIndex].CreateChild();
            }
        }

        stages.Add(scope);
        if (name is not null)
        {
            stageNames.Add(name);
        }
    }

    public void AddCopySources(DockerfileInstruction instruction)
    {
        var (flags, _) = DockerfileWords.ExtractFlags(instruction.Arguments, escape);
        foreach (var flag in flags.Where(f => f.Key == "from"))
        {
            AddSource(instruction, flag.Value, ParentKind.CopyFrom);
        }
    }

    public void AddMountSources(DockerfileInstruction instruction)
    {
        var (flags, _) = DockerfileWords.ExtractFlags(instruction.Arguments, escape);
        foreach (var flag in flags.Where(f => f.Key == "mount"))
        {
            foreach (var field in DockerfileWords.Split(flag.Value, escape, ','))
            {
                var equals = field.IndexOf('=');
                if (equals > 0 && field[..equals].Trim().Equals("from", StringComparison.OrdinalIgnoreCase))
                {
                    AddSource(instruction, field[(equals + 1)..], ParentKind.MountFrom);
                }
            }
        }
    }

    private void AddSource(DockerfileInstruction instruction, string text, ParentKind kind)
    {
        if (!TryExpand(instruction, text, LookupStage, out var source) || source == "scratch")
        {
            return;
        }

        if (int.TryParse(source, out var index))
        {
            if (index < 0 || index >= allStageNames.Count)
            {
                unresolved.Add(new(instruction.Line, text, $"stage index {index} does not exist"));
            }

            return;
        }

        if (!allStageNames.Contains(source.ToLowerInvariant()))
        {
            parents.Add(new(source, kind, instruction.Line, null));
        }
    }

    private int FindEarlierStage(string reference)
    {
        var lowerReference = reference.ToLowerInvariant();
        for (var i = 0; i < stages.Count; i++)
        {
            if (allStageNames[i] == lowerReference)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Expands an image reference. On failure, records why in <see cref="unresolved"/> and returns false.
    /// </summary>
    private bool TryExpand(DockerfileInstruction instruction, string text, Func<string, string?> lookup,
        out string result)
    {
        IReadOnlySet<string> unsetNames;
        try
        {
            result = ShellWord.Expand(text, lookup, out unsetNames, escape);
        }
        catch (FormatException error)
        {
            result = "";
            unresolved.Add(new(instruction.Line, text, error.Message));
            return false;
        }

        if (unsetNames.Count > 0)
        {
            var reasons = unsetNames.Order(StringComparer.Ordinal).Select(n => DescribeUnset(n, lookup));
            unresolved.Add(new(instruction.Line, text, string.Join("; ", reasons)));
            return false;
        }

        if (result.Length == 0)
        {
            unresolved.Add(new(instruction.Line, text, "the image name expands to an empty string"));
            return false;
        }

        return true;
    }

    private string DescribeUnset(string name, Func<string, string?> lookup)
    {
        if (PlatformArgNames.Contains(name))
        {
            return $"{name} is an automatic platform argument: pass it as a build argument to resolve the image";
        }

        var declared = lookup == LookupGlobal ? globalArgs.ContainsKey(name) : stages[^1].Args.ContainsKey(name);
        if (declared)
        {
            return $"ARG {name} has no value: give it a default or pass it as a build argument";
        }

        return lookup == LookupGlobal
            ? $"{name} is not declared as a global ARG before the first FROM"
            : $"{name} is not declared in this stage";
    }

    // A platform that uses an argument without a value is kept as written, such as "$BUILDPLATFORM".
    private string? ExpandPlatform(string? platform)
    {
        if (platform is null)
        {
            return null;
        }

        try
        {
            var expanded = ShellWord.Expand(platform, LookupGlobal, out var unsetNames, escape);
            return unsetNames.Count == 0 ? expanded : platform;
        }
        catch (FormatException)
        {
            return platform;
        }
    }

    private string? ExpandDefault(string text)
    {
        try
        {
            return ShellWord.Expand(text, LookupStage, out _, escape);
        }
        catch (FormatException)
        {
            // NOTE: BuildKit fails the build here ("${X:?message}" with X unset), but the value only matters when
            // an image reference uses it, and that reference is then reported as unresolved.
            return null;
        }
    }

    private string? LookupGlobal(string name)
    {
        if (globalArgs.TryGetValue(name, out var value))
        {
            return value;
        }

        return PlatformArgNames.Contains(name) ? buildArgs.GetValueOrDefault(name) : null;
    }

    private string? LookupStage(string name) => InGlobalScope ? LookupGlobal(name) : stages[^1].Lookup(name);
}
