package io.github.recoveryaction.cli;

import java.util.Optional;
import java.util.concurrent.Callable;

import io.github.recoveryaction.checkpoint.CheckpointCodec;
import io.github.recoveryaction.checkpoint.CheckpointStore;
import io.github.recoveryaction.checkpoint.CheckpointText;
import io.github.recoveryaction.checkpoint.StoreContents;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "list", mixinStandardHelpOptions = true, showDefaultValues = true, header = "List the checkpoints of the store, newest first.", description = "Reads only manifests; in the artifact store, the checkpoints of every attempt of this job. "
        + "Damaged checkpoints (unreadable manifest, archive gone or of the wrong size, a piece missing) are listed as DAMAGED; "
        + "'recovery validate' also hashes every archive.")
class ListCommand extends CommandBase implements Callable<Integer> {

    @Mixin
    CheckpointStoreOptions storeOptions;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (an array of checkpoint objects).")
    FormatOption format;

    @Override
    public Integer call() {
        requireTextOrJson(format);
        CheckpointStoreOptions.Context context = storeOptions.context(environment, spec.commandLine().getErr());
        CheckpointStore store = context.open(storeOptions.jobKey(), Optional.empty());
        StoreContents contents = new StoreContents(store);
        printResult(format == FormatOption.json ? CheckpointCodec.toJsonLine(CheckpointText.listJson(contents))
                : CheckpointText.list(contents, store.describe()));
        return ExitCodes.OK;
    }
}
