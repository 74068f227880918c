namespace Slipway.GitHubActions;

// The jobs and steps. GitHub expressions appear only in 'name', 'if', 'with', 'env', 'outputs' and 'strategy' values,
// never inside a 'run' script, so no event field can inject shell code.
public static partial class WorkflowWriter
{
    private static YamlMapping BuildCheckJob(WorkflowDefinition definition)
    {
        var steps = new List<YamlNode>(SetupSteps(definition))
        {
            new YamlMapping()
                .Add("name", "Check that the workflow file is up to date")
                .Add("run", "./build.cmd CheckWorkflow"),
        };

        return new YamlMapping()
            .Add("name", "Check workflow")
            .Add("runs-on", definition.RunnerImage)
            .Add("timeout-minutes", definition.PlanTimeoutMinutes)
            .Add("steps", new YamlSequence(steps));
    }

    private static YamlMapping BuildPlanJob(WorkflowDefinition definition)
    {
        var planEnvironment = new YamlMapping();
        if (definition.Triggers.WorkflowDispatch)
        {
            planEnvironment.AddExpression(WorkflowEnvironment.ForceImages, "${{ inputs.images }}");
        }

        AddParameters(planEnvironment, definition);

        var planStep = new YamlMapping()
            .Add("name", "Plan changed images")
            .Add("id", "plan");
        if (planEnvironment.Entries.Count > 0)
        {
            planStep.Add("env", planEnvironment);
        }

        planStep.Add("run", "./build.cmd Plan --github-matrix");

        var outputs = new YamlMapping()
            .AddExpression("matrix", "${{ steps.plan.outputs.matrix }}")
            .AddExpression("count", "${{ steps.plan.outputs.count }}");

        return new YamlMapping()
            .Add("name", "Plan")
            .Add("runs-on", definition.RunnerImage)
            .Add("timeout-minutes", definition.PlanTimeoutMinutes)
            .Add("outputs", outputs)
            .Add("steps", new YamlSequence([.. SetupSteps(definition), planStep]));
    }

    private static YamlMapping BuildBuildJob(WorkflowDefinition definition)
    {
        var job = new YamlMapping()
            .AddExpression("name", "Build ${{ matrix.group }}")
            .Add("needs", PlanJobId)
            .AddExpression("if", "needs.plan.outputs.count != '0'")
            .Add("runs-on", definition.RunnerImage)
            .Add("timeout-minutes", definition.BuildTimeoutMinutes);

        if (definition.PushesToGitHubContainerRegistry)
        {
            // Job-level permissions replace the workflow's, so contents: read is repeated for the checkout.
            job.Add("permissions", new YamlMapping().Add("contents", "read").Add("packages", "write"));
        }

        var strategy = new YamlMapping()
            .Add("fail-fast", false)
            .AddExpression("matrix", "${{ fromJSON(needs.plan.outputs.matrix) }}");
        job.Add("strategy", strategy);

        var steps = new List<YamlNode>(SetupSteps(definition));
        if (definition.HasMultiPlatformImages)
        {
            steps.Add(new YamlMapping().Add("name", "Set up QEMU").Add("uses", definition.Actions.SetupQemu));
        }

        // Pull requests build without pushing, so a child must see its parent in the local image store: only the
        // docker driver does. Pushes use a container builder, which can export the per-image Actions cache.
        steps.Add(new YamlMapping().Add("name", "Set up Docker Buildx").Add("uses", definition.Actions.SetupBuildx)
            .Add("with", new YamlMapping().AddExpression("driver",
                "${{ github.event_name == 'pull_request' && 'docker' || 'docker-container' }}")));
        steps.Add(new YamlMapping().Add("name", "Expose the Actions cache to BuildKit")
            .Add("uses", definition.Actions.GitHubRuntime));
        steps.AddRange(definition.RegistryLogins.Select(login => LoginStep(definition.Actions, login)));
        steps.Add(BuildChangedStep(definition));

        return job.Add("steps", new YamlSequence(steps));
    }

    private static YamlMapping BuildChangedStep(WorkflowDefinition definition)
    {
        var environment = new YamlMapping()
            .AddExpression(WorkflowEnvironment.Images, "${{ matrix.images }}")
            .AddExpression(WorkflowEnvironment.NoPush, "${{ github.event_name == 'pull_request' }}")
            .AddExpression(WorkflowEnvironment.CacheScope, "${{ matrix.group }}");
        AddParameters(environment, definition);
        foreach (var secret in definition.Secrets)
        {
            environment.AddExpression(secret.EnvironmentVariable, RegistryLogin.SecretExpression(secret.SecretName));
        }

        return new YamlMapping()
            .Add("name", "Build changed images")
            .Add("env", environment)
            .Add("run", "./build.cmd BuildChanged");
    }

    private static void AddParameters(YamlMapping environment, WorkflowDefinition definition)
    {
        foreach (var (name, value) in definition.Parameters)
        {
            if (value.StartsWith("${{", StringComparison.Ordinal))
            {
                environment.AddExpression(name, value);
            }
            else
            {
                environment.Add(name, value);
            }
        }
    }

    private static YamlMapping LoginStep(ActionVersions actions, RegistryLogin login)
    {
        var with = new YamlMapping();
        if (login.Registry is { } registry)
        {
            with.Add("registry", registry);
        }

        with.AddExpression("username", login.UsernameExpression)
            .AddExpression("password", login.PasswordExpression);

        // Pull requests only build, and secrets are empty for pull requests from forks, so logins are skipped there.
        return new YamlMapping()
            .Add("name", $"Log in to {login.DisplayName}")
            .AddExpression("if", NotPullRequest)
            .Add("uses", actions.Login)
            .Add("with", with);
    }

    /// <summary>
    /// Builds the steps every job starts with: checkout, .NET from global.json, and the NuGet and .nuke/temp cache.
    /// </summary>
    private static IEnumerable<YamlNode> SetupSteps(WorkflowDefinition definition)
    {
        yield return new YamlMapping()
            .Add("name", "Check out")
            .Add("uses", definition.Actions.Checkout)
            .Add("with", new YamlMapping().Add("fetch-depth", definition.CheckoutFetchDepth));

        yield return new YamlMapping()
            .Add("name", "Set up .NET")
            .Add("uses", definition.Actions.SetupDotNet)
            .Add("with", new YamlMapping().Add("global-json-file", "global.json"));

        // Each job saves its own entry, so the digest and manifest caches in .nuke/temp stay current; restoring by
        // prefix picks the newest entry of the same build project.
        const string prefix = "${{ runner.os }}-slipway-${{ hashFiles('build/**/*.csproj', 'global.json') }}-";
        var cacheInputs = new YamlMapping()
            .AddBlock("path", "~/.nuget/packages\n.nuke/temp\n")
            .AddExpression("key", prefix + "${{ github.run_id }}-${{ github.job }}-${{ strategy.job-index }}")
            .AddBlock("restore-keys", prefix + "\n");
        yield return new YamlMapping()
            .Add("name", "Cache NuGet packages and .nuke/temp")
            .Add("uses", definition.Actions.Cache)
            .Add("with", cacheInputs);
    }
}
