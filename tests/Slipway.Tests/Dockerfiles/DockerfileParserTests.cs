using Slipway.Dockerfiles;
using Xunit;

namespace Slipway.Tests.Dockerfiles;

// Expected values follow BuildKit's Dockerfile frontend (dockerfile syntax 1.4 and later) as described in the
// Dockerfile reference: global ARG scope, variable substitution, stages, heredocs and parser directives.
public class DockerfileParserTests
{
    private static readonly Dictionary<string, string> NoArgs = [];

    public static TheoryData<string, string, string[]> ParentCases => new()
    {
        { "FROM alpine:3.19", "", ["From alpine:3.19 1"] },
        { "from alpine AS build\ncopy --from=build /a /b", "", ["From alpine 1"] },
        { "FROM alpine AS Builder\nFROM BUILDER\nCOPY --from=builder /a /b", "", ["From alpine 1"] },
        { "FROM alpine AS a\nFROM alpine AS b", "", ["From alpine 1", "From alpine 2"] },
        { "FROM scratch\nCOPY x /", "", [] },
        { "FROM later\nFROM alpine AS later", "", ["From later 1", "From alpine 2"] },
        { "FROM alpine AS a\nCOPY --from=b /x /y\nFROM busybox AS b", "", ["From alpine 1", "From busybox 3"] },
        // Global ARGs, their defaults and build arguments.
        { "ARG BASE=alpine\nARG TAG=3.19\nFROM ${BASE}:$TAG", "", ["From alpine:3.19 3"] },
        { "ARG BASE=alpine\nARG TAG=3.19\nFROM ${BASE}:$TAG", "TAG=3.20", ["From alpine:3.20 3"] },
        { "ARG BASE\nFROM $BASE", "BASE=debian:12", ["From debian:12 2"] },
        { "ARG BASE=\"alpine:3.19\"\nFROM $BASE", "", ["From alpine:3.19 2"] },
        { "ARG A=alpine\nARG B=$A:edge\nFROM $B", "", ["From alpine:edge 3"] },
        { "FROM alpine:${TAG:-latest}", "TAG=9", ["From alpine:latest 1"] },
        { "ARG TAG\nFROM alpine:${TAG:-latest}", "", ["From alpine:latest 2"] },
        { "ARG DEBUG=1\nFROM alpine${DEBUG:+-debug}", "", ["From alpine-debug 2"] },
        { "ARG DEBUG=\nFROM alpine${DEBUG:+-debug}", "", ["From alpine 2"] },
        { "ARG DEBUG=\nFROM alpine${DEBUG+-debug}", "", ["From alpine-debug 2"] },
        { "ARG V=\nFROM alpine:3${V-.19}", "", ["From alpine:3 2"] },
        { "ARG V=\nFROM alpine:3${V:-.19}", "", ["From alpine:3.19 2"] },
        { "FROM alpine:\\$x", "", ["From alpine:$x 1"] },
        // Platforms and BuildKit's automatic platform arguments.
        { "FROM --platform=$BUILDPLATFORM golang:1.22 AS build", "", ["From golang:1.22 1 $BUILDPLATFORM"] },
        {
            "FROM --platform=$BUILDPLATFORM golang:1.22 AS build", "BUILDPLATFORM=linux/amd64",
            ["From golang:1.22 1 linux/amd64"]
        },
        { "ARG P=linux/arm64\nFROM --platform=${P} alpine", "", ["From alpine 2 linux/arm64"] },
        { "FROM tool:$TARGETARCH", "TARGETARCH=arm64", ["From tool:arm64 1"] },
        // COPY --from and RUN --mount.
        { "FROM alpine\nCOPY --from=nginx:latest /etc/nginx /x", "", ["From alpine 1", "CopyFrom nginx:latest 2"] },
        { "FROM alpine\nCOPY --chown=1:1 --from=nginx /a /b", "", ["From alpine 1", "CopyFrom nginx 2"] },
        { "FROM alpine\nCOPY --from=0 /a /b", "", ["From alpine 1"] },
        { "FROM alpine\nADD --chown=1 https://example.test/a /a", "", ["From alpine 1"] },
        {
            "FROM golang AS builder\nFROM alpine\n"
                + "RUN --mount=type=cache,from=builder,target=/x --mount=type=bind,from=golang:1.22,source=/usr go",
            "", ["From golang 1", "From alpine 2", "MountFrom golang:1.22 3"]
        },
        { "FROM alpine\nRUN --mount=from=busybox,target=/b true", "", ["From alpine 1", "MountFrom busybox 2"] },
        { "FROM alpine\nRUN --mount=type=secret,id=x cat /run/secrets/x", "", ["From alpine 1"] },
        { "FROM alpine\nENV SRC=nginx:1\nCOPY --from=$SRC /a /b", "", ["From alpine 1", "CopyFrom nginx:1 3"] },
        { "FROM alpine AS base\nENV SRC=nginx:1\nFROM base\nCOPY --from=$SRC /a /b", "", ["From alpine 1", "CopyFrom nginx:1 4"] },
        { "ARG V=1.0\nFROM alpine\nARG V\nCOPY --from=tool:$V /a /b", "", ["From alpine 2", "CopyFrom tool:1.0 4"] },
        { "ARG V=1.0\nFROM alpine\nARG V\nCOPY --from=tool:$V /a /b", "V=2.0", ["From alpine 2", "CopyFrom tool:2.0 4"] },
        // Continuations, comments between continued lines, directives and line endings.
        { "FROM \\\n  # comment\n\n  alpine:3.19 \\\n  AS base\nCOPY --from=base a b", "", ["From alpine:3.19 1"] },
        { "# escape=`\nFROM alpine `\n  AS base\nCOPY --from=base a b", "", ["From alpine 2"] },
        { "# syntax=docker/dockerfile:1\n# escape=`\nFROM alpine `\n  AS base", "", ["From alpine 3"] },
        { "# comment\n# escape=`\nFROM alpine `\n  AS x", "", ["From alpine 3"] },
        { "FROM alpine\r\nCOPY --from=nginx \\\r\n  /a /b\r\n", "", ["From alpine 1", "CopyFrom nginx 2"] },
        { "  # indented comment\n\tFROM alpine", "", ["From alpine 2"] },
        // Heredoc bodies are not instructions.
        {
            "FROM alpine\nRUN <<EOF\nFROM evil\nCOPY --from=bad / /\nEOF\nCOPY <<EOT /file\nFROM evil2\nEOT\n"
                + "RUN <<-EOF\n\tFROM evil3\n\tEOF\nFROM busybox",
            "", ["From alpine 1", "From busybox 12"]
        },
        { "FROM alpine\nRUN <<A cat - <<\"B\"\nFROM x\nA\nFROM y\nB\nFROM z", "", ["From alpine 1", "From z 7"] },
        { "FROM alpine\nRUN echo \"<<EOF\"\nFROM z", "", ["From alpine 1", "From z 3"] },
    };

    [Theory]
    [MemberData(nameof(ParentCases))]
    public void ParseFindsParents(string dockerfile, string buildArgs, string[] expected)
    {
        var info = DockerfileParser.Parse(dockerfile, ParseArgs(buildArgs));

        Assert.Equal(expected, info.Parents.Select(Describe));
        Assert.Empty(info.Unresolved);
    }

    [Theory]
    [InlineData("ARG BASE\nFROM $BASE", 2, "$BASE", "ARG BASE has no value")]
    [InlineData("FROM $BASE", 1, "$BASE", "BASE is not declared as a global ARG")]
    [InlineData("FROM alpine AS a\nARG IMG=busybox\nFROM $IMG", 3, "$IMG", "IMG is not declared as a global ARG")]
    [InlineData("ARG TAG\nFROM alpine:$TAG", 2, "alpine:$TAG", "ARG TAG has no value")]
    [InlineData("FROM tool:$TARGETARCH", 1, "tool:$TARGETARCH", "automatic platform argument")]
    [InlineData("ARG B=\nFROM ${B:-}", 2, "${B:-}", "empty")]
    [InlineData("ARG B\nFROM ${B:?required}", 2, "${B:?required}", "B: required")]
    [InlineData("FROM alpine\nCOPY --from=5 /a /b", 2, "5", "stage index 5 does not exist")]
    [InlineData("FROM alpine\nCOPY --from=$SRC /a /b", 2, "$SRC", "SRC is not declared in this stage")]
    [InlineData("FROM alpine\nRUN --mount=from=$M true", 2, "$M", "M is not declared in this stage")]
    public void ParseReportsUnresolved(string dockerfile, int line, string text, string reason)
    {
        var info = DockerfileParser.Parse(dockerfile, NoArgs);

        var unresolved = Assert.Single(info.Unresolved);
        Assert.Equal(line, unresolved.Line);
        Assert.Equal(text, unresolved.Text);
        Assert.Contains(reason, unresolved.Reason);
    }

    [Fact]
    public void ParseListsStagesAndGlobalArgs()
    {
        var dockerfile = "ARG A=1 B\nARG C\nARG A=2\nFROM x AS Build\nARG D\nFROM y\nFROM z as final";

        var info = DockerfileParser.Parse(dockerfile, NoArgs);

        Assert.Equal(["A", "B", "C"], info.GlobalArgNames);
        Assert.Equal(["build", "final"], info.StageNames);
    }

    [Theory]
    [InlineData("# escape=x\nFROM alpine", "escape")]
    [InlineData("# escape=`\n# escape=\\\nFROM alpine", "only one")]
    [InlineData("FROM alpine\nRUN <<EOF\necho hi\n", "not closed")]
    public void ParseRejectsInvalidDockerfile(string dockerfile, string message)
    {
        var error = Assert.Throws<FormatException>(() => DockerfileParser.Parse(dockerfile, NoArgs));

        Assert.Contains(message, error.Message);
    }

    private static string Describe(ParentReference parent) =>
        $"{parent.Kind} {parent.Reference} {parent.Line}" + (parent.Platform is null ? "" : $" {parent.Platform}");

    private static Dictionary<string, string> ParseArgs(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1]);
}
