using Slipway.Docker;

namespace Slipway.Tests.Docker;

public sealed class DockerCommandExceptionTests
{
    [Fact]
    public void Summary_ShowsLastErrorLine()
    {
        var result = new ProcessResult(1, "", """
            #1 [internal] load build definition from Dockerfile
            #1 sha256:bd2ead97d587954ab81e767db400256999152d2d380fa6d9e8ad39c2513f4ecf
            #1 DONE 0.1s
            failed to solve with frontend dockerfile.v0: dockerfile parse error line 3: unknown instruction: FROOM

            """);

        var exception = new DockerCommandException("docker build", result);

        Assert.Equal("docker build failed with exit code 1: failed to solve with frontend dockerfile.v0: " +
                     "dockerfile parse error line 3: unknown instruction: FROOM", exception.Summary);
    }

    [Fact]
    public void Summary_PrefersStandardError()
    {
        var result = new ProcessResult(1, "The push refers to repository [127.0.0.1:5999/ns/base]\n",
            "Get \"http://127.0.0.1:5999/v2/\": dial tcp 127.0.0.1:5999: connect: connection refused\n");

        var exception = new DockerCommandException("docker push 127.0.0.1:5999/ns/base:1.0", result);

        Assert.EndsWith("connect: connection refused", exception.Summary);
        Assert.Contains("The push refers to repository", exception.Message);
    }

    [Fact]
    public void Summary_WithoutOutput()
    {
        var exception = new DockerCommandException("docker push x", new ProcessResult(1, "", ""));

        Assert.Equal("docker push x failed with exit code 1: no output", exception.Summary);
    }
}
