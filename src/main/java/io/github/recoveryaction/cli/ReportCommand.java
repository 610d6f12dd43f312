package io.github.recoveryaction.cli;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import io.github.recoveryaction.InvalidInputException;
import io.github.recoveryaction.action.ReportRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "report", showDefaultValues = true, header = "Find the failure of a GitHub Actions job, plan its recovery and publish the plan.", description = {
        "The action's default command. Every option is also read from the action input of the same "
                + "name (INPUT_<NAME>); the options win.",
        "Writes the job summary, annotations, step outputs and one sticky pull-request comment. In GitHub "
                + "Actions its own errors are warnings and exit 0 unless --fail-on-error." })
public class ReportCommand extends CommandBase implements Callable<Integer> {

    private static final Set<String> DELEGATED = Set.of("checkpoint", "restore", "validate",
            "cleanup", "list", "stats");

    @Option(names = "--command", paramLabel = "NAME", defaultValue = "report", description = "What to run: report, a checkpoint command (checkpoint, restore, validate, cleanup, list) "
            + "or stats, with the same inputs.")
    String command;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "auto", description = "Where the failure is read: auto, in-job, follow-up or workflow-run.")
    String mode;

    @Option(names = "--github-token", paramLabel = "TOKEN", description = "Token for the API (default: GITHUB_TOKEN). Without one, only log-files and test-reports "
            + "are read and no comment is written.")
    String githubToken;

    @Option(names = "--job-id", paramLabel = "ID", description = "Check-run id of this job (job.check_run_id).")
    String jobId;

    @Option(names = "--run-id", paramLabel = "ID", description = "Run to analyse (default: this run, or the run a "
            + "workflow_run event reports on).")
    String runId;

    @Option(names = "--run-attempt", paramLabel = "N", description = "Attempt of that run (default: its latest).")
    String runAttempt;

    @Option(names = "--log-files", paramLabel = "GLOB", split = "\\R|,", description = "Logs the failing steps wrote, relative to the workspace (newline or comma separated).")
    List<String> logFiles = List.of();

    @Option(names = "--test-reports", paramLabel = "GLOB", split = "\\R|,", description = "JUnit XML reports whose failing tests are listed and annotated.")
    List<String> testReports = List.of();

    @Option(names = "--comment", negatable = true, defaultValue = "true", fallbackValue = "true", description = "Create or update the sticky pull-request comment.")
    boolean comment;

    @Option(names = "--comment-key", paramLabel = "KEY", description = "What identifies the sticky comment (default: workflow/job).")
    String commentKey;

    @Option(names = "--annotations", negatable = true, defaultValue = "true", fallbackValue = "true", description = "Annotate the evidence (file and line where known).")
    boolean annotations;

    @Option(names = "--lane", paramLabel = "LANE", defaultValue = "auto", description = "Plan for this lane: auto, docs, standard or heavy.")
    String lane;

    @Option(names = "--rules-file", paramLabel = "FILE", description = "Rules added to or replacing the bundled ones.")
    String rulesFile;

    @Option(names = "--config-file", paramLabel = "FILE", description = "Repository configuration "
            + "(default: .github/recovery.yml in the workspace).")
    String configFile;

    @Option(names = "--max-jobs", paramLabel = "N", defaultValue = "5", description = "Failed jobs analysed at most in the follow-up and workflow-run modes.")
    String maxJobs;

    @Option(names = "--fail-on-error", paramLabel = "BOOL", defaultValue = "false", arity = "0..1", fallbackValue = "true", description = "Fail the step when the action itself fails.")
    boolean failOnError;

    @Option(names = "--workspace", paramLabel = "DIR", description = "The checkout (default: GITHUB_WORKSPACE, "
            + "else the current directory).")
    String workspace;

    @Option(names = "--rerun", paramLabel = "TYPES", description = "Re-run the failed jobs of a workflow-run report when "
            + "every failure is of these types: off, transient (network_error, infrastructure_error, and a timeout "
            + "the step's history shows to be unusual) or a comma-separated list of failure types (default: rerun "
            + "of .github/recovery.yml, else off).")
    String rerun;

    @Option(names = "--max-attempts", paramLabel = "N", description = "Attempts a run may reach with re-runs, the first "
            + "included, 1 to 50 (default: max-attempts of .github/recovery.yml, else 3).")
    String maxAttempts;

    @Option(names = "--rerun-delay", paramLabel = "DURATION", description = "Wait before re-running, doubled for each "
            + "later attempt, at most 10m (default: rerun-delay of .github/recovery.yml, else 0s).")
    String rerunDelay;

    @Option(names = "--rerun-dry-run", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true", description = "Decide "
            + "and report the re-run without asking GitHub for it (default: rerun-dry-run of .github/recovery.yml, "
            + "else true for workflow_dispatch events and false otherwise).")
    String rerunDryRun;

    @Option(names = "--baseline", paramLabel = "MODE", defaultValue = "auto", description = "auto: in the follow-up and workflow-run modes, compare each failed job with the same "
            + "job's last passing run (same workflow and branch, else the default branch), so that lines it printed "
            + "too never lead the evidence; off: classify the failing log alone. history.baseline of "
            + ".github/recovery.yml can switch auto off.")
    String baseline;

    @Override
    public Integer call() {
        ReportRunner runner = new ReportRunner(environment, spec.commandLine().getOut());
        try {
            if (!command.trim().equals("report")) {
                return delegate(command.trim());
            }
            runner.run(new SettingsParser(environment).parse(this));
            return ExitCodes.OK;
        } catch (RuntimeException e) {
            if (failOnError || !environment.inGitHubActions()) {
                throw e;
            }
            runner.reportOwnFailure(e);
            return ExitCodes.OK;
        }
    }

    /**
     * Runs a checkpoint command or stats with the same inputs. Its own errors are one warning and exit 0 in GitHub
     * Actions unless fail-on-error; validate's verdict on the workspace stays its exit code.
     */
    private int delegate(String name) {
        CommandLine target = spec.parent() == null ? null : spec.parent().subcommands().get(name);
        if (target == null || !DELEGATED.contains(name)) {
            throw new InvalidInputException("command '" + name + "' is not available; use "
                    + "report, checkpoint, restore, validate, cleanup, list or stats");
        }
        boolean warn = !failOnError && environment.inGitHubActions();
        if (target.getCommand() instanceof RestoreCommand restore) {
            restore.warnOnRefusal = warn;
        }
        if (warn) {
            OwnErrors own = new OwnErrors(name, target.getErr());
            target.setExecutionExceptionHandler(own).setParameterExceptionHandler(own);
        }
        return target.execute();
    }
}
