using System.Reflection;
using Serilog;
using Serilog.Core;

namespace Slipway.Engine;

/// <summary>
/// One run of a build: parses the arguments, injects parameters, plans and runs the targets, and maps the
/// outcome to an exit code.
/// </summary>
internal sealed class BuildSession(BuildHost build, HostEnvironment host, IReadOnlyList<string> defaultTargetNames)
{
    public const int SuccessExitCode = 0;
    public const int FailureExitCode = 1;
    public const int UsageExitCode = 2;

    private readonly SecretMasker _masker = new();
    private readonly TextWriter _output = host.Output;
    private ILogger _logger = Logger.None;
    private Verbosity _verbosity = Verbosity.Normal;

    public int Run(string[] args)
    {
        try
        {
            return RunSteps(args);
        }
        catch (Exception exception)
        {
            return Report(exception);
        }
    }

    private int Report(Exception exception)
    {
        // Reflection wraps exceptions thrown by Target property getters.
        if (exception is TargetInvocationException { InnerException: { } inner })
        {
            exception = inner;
        }

        switch (exception)
        {
            case UsageException:
                _output.WriteLine($"Error: {_masker.Apply(exception.Message)}");
                _output.WriteLine("Run with --help to see targets and parameters.");
                return UsageExitCode;
            case IUserFacingException:
                _output.WriteLine($"Error: {_masker.Apply(exception.Message)}");
                return FailureExitCode;
            default:
                var details = _verbosity == Verbosity.Verbose
                    ? exception.ToString()
                    : $"{exception.GetType().Name}: {exception.Message}";
                _output.WriteLine($"Error: {_masker.Apply(details)}");
                return FailureExitCode;
        }
    }

    private int RunSteps(string[] args)
    {
        var commandLine = CommandLine.Parse(args);
        var options = BuiltInOptions.Read(commandLine);
        _verbosity = options.Verbosity;
        _logger = BuildLogging.Create(options.Verbosity, host);
        if (host.UseConsole)
        {
            Log.Logger = _logger;
        }

        if (!options.NoLogo && !options.Help && options.Verbosity != Verbosity.Quiet)
        {
            _output.WriteLine("Slipway build");
        }

        var root = RootResolver.Resolve(options.Root, host.Variables, host.WorkingDirectory);
        build.Initialize(root, host.Variables.GetValueOrDefault("GITHUB_ACTIONS") == "true");
        var parameters = ParameterMember.Discover(build.GetType());
        CheckUnknownOptions(commandLine, parameters);
        var files = ParameterFiles.Load(root, options.Profiles);
        new ParameterInjector(commandLine, host.Variables, files, _masker, _logger).Inject(build, parameters);

        var targets = TargetDiscovery.Discover(build, build.InvokeCreateDynamicTargets());
        SchemaWriter.Write(root, parameters, targets);
        var defaults = defaultTargetNames.Select(targets.Get).ToList();
        var requested = options.Targets.Count > 0
            ? options.Targets.Select(targets.Get).Distinct().ToList()
            : defaults;
        if (options.Help || (requested.Count == 0 && !options.Plan))
        {
            HelpWriter.Write(_output, targets, defaults, parameters);
            return SuccessExitCode;
        }

        foreach (var target in requested)
        {
            target.IsInvoked = true;
        }

        build.SetInvokedTargets(requested.Select(target => target.Name).ToList());
        var plan = ExecutionPlanner.Plan(requested);
        if (options.Plan)
        {
            var path = ExecutionPlanWriter.Write(build.TemporaryDirectory, targets, plan);
            _output.WriteLine($"Execution plan written to {path}");
            return SuccessExitCode;
        }

        return RunPlan(plan, options, targets, parameters, BuildAttempt.HashInvocation(args));
    }

    private int RunPlan(
        IReadOnlyList<ExecutableTarget> plan,
        BuiltInOptions options,
        TargetLookup targets,
        IReadOnlyList<ParameterMember> parameters,
        string invocation)
    {
        PlanPreparation.ApplyStaticConditions(plan);
        PlanPreparation.ApplySkipOption(plan, options.Skip, targets);
        if (options.Continue && !BuildAttempt.SkipSucceeded(build.TemporaryDirectory, invocation, plan))
        {
            _logger.Warning("No previous run with the same arguments was recorded, so --continue runs all targets");
        }

        PlanPreparation.CheckRequirements(plan, parameters);
        build.InvokeOnBuildInitialized();

        var block = new OutputBlock(_output, build.IsGitHubActions, options.Verbosity == Verbosity.Quiet);
        new TargetExecutor(_logger, block, _masker, options.Verbosity, host.Cancellation).Run(plan);
        var succeeded = plan.All(target => target.Status is not (TargetStatus.Failed or TargetStatus.Aborted));
        BuildAttempt.Save(build.TemporaryDirectory, invocation, plan);
        build.InvokeOnBuildFinished(succeeded);
        if (options.Verbosity != Verbosity.Quiet)
            SummaryWriter.Write(_output, plan, succeeded, _masker);
        if (succeeded)
            return SuccessExitCode;
        return plan.Any(target => target.FailedOnUsage) ? UsageExitCode : FailureExitCode;
    }

    private static void CheckUnknownOptions(CommandLine commandLine, IReadOnlyList<ParameterMember> parameters)
    {
        var known = parameters.Select(parameter => NameFormat.NormalizeOption(parameter.Name)).ToHashSet();
        var unknown = commandLine.Options
            .FirstOrDefault(option => !BuiltInOptions.IsBuiltIn(option) && !known.Contains(option.Key));
        if (unknown is not null)
        {
            var names = parameters.Select(parameter => parameter.OptionName)
                .Concat(BuiltInOptions.All.Select(option => NameFormat.ToOption(option.Name)));
            throw new UsageException(
                $"Unknown option '{unknown.Token}'. Known parameters: {string.Join(", ", names)}.");
        }
    }
}
