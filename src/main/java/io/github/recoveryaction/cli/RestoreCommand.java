package io.github.recoveryaction.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.github.recoveryaction.ToolException;
import io.github.recoveryaction.checkpoint.Checkpoint;
import io.github.recoveryaction.checkpoint.CheckpointCodec;
import io.github.recoveryaction.checkpoint.CheckpointIds;
import io.github.recoveryaction.checkpoint.CheckpointRestorer;
import io.github.recoveryaction.checkpoint.CheckpointStore;
import io.github.recoveryaction.checkpoint.CheckpointText;
import io.github.recoveryaction.checkpoint.ExtractionLimits;
import io.github.recoveryaction.checkpoint.RestoreResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "restore", mixinStandardHelpOptions = true, showDefaultValues = true, header = "Bring back the workspace state of a checkpoint.", description = "Verifies the archive against its hashes before touching the workspace, refuses a checkpoint of "
        + "another commit unless --force, and moves files into place so that a failure changes nothing. "
        + "'latest' finding no checkpoint is not an error: the outputs then say to run every step.")
class RestoreCommand extends CommandBase implements Callable<Integer> {

    @Mixin
    CheckpointStoreOptions storeOptions;

    @Option(names = "--checkpoint-id", paramLabel = "ID", description = "The checkpoint to restore, or latest: the newest successful one (in the artifact store: "
            + "of an earlier attempt of this job).")
    Optional<String> checkpointId;

    @Option(names = "--force", description = "Restore a checkpoint made on another commit than HEAD.")
    boolean force;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json ({\"id\",\"restored\",\"restoredFiles\",\"bytes\",\"resumeAfter\"}).")
    FormatOption format;

    /**
     * Set when the action runs the restore ({@code command: restore}) without {@code fail-on-error}: a refused restore
     * is then a warning, and the outputs say to run every step, as when nothing was saved.
     */
    boolean warnOnRefusal;

    @Override
    public Integer call() {
        requireTextOrJson(format);
        String id = checkpointId.map(String::trim).filter(s -> !s.isEmpty())
                .orElseThrow(() -> required("checkpoint-id", "a checkpoint id or 'latest'"));
        if (!id.equals(CheckpointIds.LATEST)) {
            CheckpointIds.requireValid(id);
        }
        PrintWriter out = spec.commandLine().getOut();
        CheckpointStoreOptions.Context context = storeOptions.context(environment, spec.commandLine().getErr());
        CheckpointStore store = context.open(storeOptions.jobKey(), Optional.empty());
        RestoreResult result;
        Optional<String> refusal = Optional.empty();
        try {
            result = new CheckpointRestorer(context.workspace(), ExtractionLimits.DEFAULT).restore(store, id, force);
        } catch (ToolException e) {
            if (!warnOnRefusal) {
                throw e;
            }
            context.warnings().accept(e.getMessage());
            refusal = Optional.of(e.getMessage());
            result = RestoreResult.NOTHING;
        }
        StepOutputs outputs = new StepOutputs(environment, out);
        outputs.set("checkpoint-id", result.checkpoint().map(Checkpoint::id).orElse(""));
        outputs.set("resume-after", Integer.toString(result.resumeAfter()));
        outputs.set("restored", Boolean.toString(result.restored()));
        if (environment.find(StepOutputs.JOB_STARTED_AT).isEmpty()) {
            outputs.exportVariable(StepOutputs.JOB_STARTED_AT, Instant.now().toString());
        }
        printResult(format == FormatOption.json ? CheckpointCodec.toJsonLine(CheckpointText.restoredJson(result))
                : refusal.isPresent() ? "Nothing restored: every step runs."
                        : CheckpointText.restored(result, store.describe()));
        return ExitCodes.OK;
    }
}
