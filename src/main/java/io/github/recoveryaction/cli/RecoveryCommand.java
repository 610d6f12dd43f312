package io.github.recoveryaction.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ScopeType;

@TopCommand
// INHERIT: every subcommand has -h/--help and --version, the action's report included
@Command(name = "recovery", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, header = "Classify failed CI steps and plan their recovery.", description = "Reads CI job logs, names the failing step and its root cause, and prints a recovery plan.", subcommands = {
        ClassifyCommand.class, PlanCommand.class, AnalyzeCommand.class, RulesCommand.class,
        EvalCommand.class, ReportCommand.class, CheckpointCommand.class, ListCommand.class,
        RestoreCommand.class, ValidateCommand.class, CleanupCommand.class, StatsCommand.class })
public class RecoveryCommand {

    @Mixin
    VerboseOption verbose;
}
