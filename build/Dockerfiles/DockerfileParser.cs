namespace Slipway.Dockerfiles;

/// <summary>
/// Finds the parent images of a Dockerfile without building it, following BuildKit's Dockerfile frontend (syntax
/// 1.4 and later): <c>FROM</c>, <c>COPY --from</c> and <c>RUN --mount=...,from=</c> that name an image rather
/// than a stage. <c>FROM scratch</c> has no parent.
/// </summary>
/// <remarks>
/// <c>FROM</c> sees only the global <c>ARG</c>s declared before the first <c>FROM</c>, with their defaults replaced
/// by build arguments of the same name, plus BuildKit's automatic platform arguments (such as TARGETARCH) when the
/// caller passes them as build arguments. A build argument for a name that is not declared globally does not apply
/// to <c>FROM</c>. <c>COPY --from</c> and mount sources see the stage's own <c>ARG</c> and <c>ENV</c> values.
/// A <c>FROM</c> names a stage only when that stage comes earlier. <c>COPY --from</c> and mounts may name any stage
/// in the file, or a stage by its 0-based index. Stage names compare case-insensitively.
/// </remarks>
public static class DockerfileParser
{
    /// <exception cref="FormatException">The Dockerfile has an invalid parser directive or an unclosed heredoc.
    /// </exception>
    public static DockerfileInfo Parse(string text, IReadOnlyDictionary<string, string> buildArgs)
    {
        var instructions = DockerfileLexer.Read(text, out var escape);
        var allStageNames = instructions.Where(i => i.Keyword == "from")
            .Select(i => StageName(i, escape))
            .ToList();
        var state = new DockerfileParseState(buildArgs, allStageNames, escape);
        foreach (var instruction in instructions)
        {
            switch (instruction.Keyword)
            {
                case "arg":
                    state.DeclareArgs(instruction);
                    break;
                case "env":
                    state.SetEnvironment(instruction);
                    break;
                case "from":
                    state.StartStage(instruction, StageName(instruction, escape));
                    break;
                case "copy":
                    state.AddCopySources(instruction);
                    break;
                case "run":
                    state.AddMountSources(instruction);
                    break;
            }
        }

        return state.ToInfo();
    }

    private static string? StageName(DockerfileInstruction instruction, char escape)
    {
        var (_, words) = DockerfileWords.ExtractFlags(instruction.Arguments, escape);
        var hasName = words.Count >= 3 && words[1].Equals("as", StringComparison.OrdinalIgnoreCase);
        return hasName ? words[2].ToLowerInvariant() : null;
    }
}
