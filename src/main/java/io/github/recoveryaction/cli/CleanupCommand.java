package io.github.recoveryaction.cli;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.github.recoveryaction.InvalidInputException;
import io.github.recoveryaction.checkpoint.CheckpointCodec;
import io.github.recoveryaction.checkpoint.CheckpointText;
import io.github.recoveryaction.checkpoint.CleanupReport;
import io.github.recoveryaction.checkpoint.WorkspaceCleaner;
import io.github.recoveryaction.config.DurationText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "cleanup", mixinStandardHelpOptions = true, showDefaultValues = true, header = "Remove caches, build leftovers and old checkpoints.", description = "Removes cleanup.paths of .github/recovery.yml, or else the caches and build outputs of the "
        + "ecosystems found in the workspace (target/, build/, .gradle/, node_modules/.cache, __pycache__, "
        + ".pytest_cache, ...), never anything git tracks; and checkpoints older than --older-than.")
class CleanupCommand extends CommandBase implements Callable<Integer> {

    @Mixin
    CheckpointStoreOptions storeOptions;

    @Option(names = "--older-than", paramLabel = "DURATION", description = "Remove checkpoints older than this, e.g. 12h or 7d (default: cleanup.older-than, else 7d).")
    Optional<String> olderThan;

    @Option(names = "--dry-run", description = "Print what would be removed and remove nothing.")
    boolean dryRun;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json.")
    FormatOption format;

    @Override
    public Integer call() {
        requireTextOrJson(format);
        CheckpointStoreOptions.Context context = storeOptions.context(environment, spec.commandLine().getErr());
        Duration age = olderThan.map(text -> DurationText.parse(text).orElseThrow(() -> new InvalidInputException(
                "--older-than must be a duration like 90s, 30m, 12h or 7d, got '" + text + "'")))
                .orElse(context.config().cleanup().olderThan());
        CleanupReport report = new WorkspaceCleaner(context.workspace(), Clock.systemUTC()).clean(
                context.config().cleanup().paths(), context.open(storeOptions.jobKey(), Optional.empty()),
                context.localStore(), age, dryRun);
        printResult(format == FormatOption.json ? CheckpointCodec.toJsonLine(CheckpointText.cleanupJson(report))
                : CheckpointText.cleanup(report));
        return ExitCodes.OK;
    }
}
