package io.github.recoveryaction.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.github.recoveryaction.InvalidInputException;
import io.github.recoveryaction.checkpoint.ArchiveWriter;
import io.github.recoveryaction.checkpoint.CheckpointCodec;
import io.github.recoveryaction.checkpoint.CheckpointCreator;
import io.github.recoveryaction.checkpoint.CheckpointRequest;
import io.github.recoveryaction.checkpoint.CheckpointStore;
import io.github.recoveryaction.checkpoint.CheckpointText;
import io.github.recoveryaction.checkpoint.JobAttempt;
import io.github.recoveryaction.github.GitChangedFiles;
import io.github.recoveryaction.plan.Lane;
import io.github.recoveryaction.plan.LaneChoice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "checkpoint", mixinStandardHelpOptions = true, showDefaultValues = true, header = "Save the workspace's state after a step.", description = "Captures the files matched by --path (ignored ones included), the tracked files that differ "
        + "from HEAD and the untracked files into a zstd-compressed archive with a manifest, in the local "
        + "folder or as a workflow artifact. A later 'recovery restore' brings the state back.")
class CheckpointCommand extends CommandBase implements Callable<Integer> {

    @Mixin
    CheckpointStoreOptions storeOptions;

    @Option(names = "--step-number", paramLabel = "N", description = "The step just finished; a restore resumes after it.")
    Optional<Integer> stepNumber;

    @Option(names = "--step-name", paramLabel = "NAME", description = "The step's name, for people reading the list.")
    Optional<String> stepName;

    @Option(names = "--lane", paramLabel = "ID", description = "docs, standard, heavy, or auto (the default): lanes.lane of .github/recovery.yml, else "
            + "the lane the changed files point to, as for report.")
    Optional<String> lane;

    @Option(names = "--failed", description = "Mark the step as failed: kept for inspection, never restored by 'latest'.")
    boolean failed;

    @Option(names = "--error-message", paramLabel = "TEXT", description = "Why the step failed.")
    Optional<String> errorMessage;

    @Option(names = "--path", paramLabel = "GLOB", split = "\\r?\\n", splitSynopsisLabel = "<newline>", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER, description = "Also capture these workspace-relative globs, git-ignored files included (repeatable; "
            + "newline-separated as an action input). Adds to checkpoints.paths of .github/recovery.yml.")
    List<String> paths = new ArrayList<>();

    @Option(names = "--checkpoint-id", paramLabel = "ID", description = "The checkpoint's id (default: <lane>-step<N>-<yyyyMMdd_HHmmss>, UTC).")
    Optional<String> checkpointId;

    @Option(names = "--retention-days", paramLabel = "DAYS", description = "Days an artifact checkpoint is kept; capped at the repository's maximum "
            + "(default: checkpoints.retention-days, else the repository default).")
    Optional<Integer> retentionDays;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json.")
    FormatOption format;

    @Override
    public Integer call() {
        requireTextOrJson(format);
        stepNumber.filter(n -> n < 0).ifPresent(n -> {
            throw new InvalidInputException("--step-number must be 0 or more (the number of the step the checkpoint "
                    + "follows), got " + n);
        });
        int step = stepNumber.orElseThrow(() -> required("step-number",
                "the number of the step the checkpoint follows (0 or more)"));
        String name = stepName.filter(n -> !n.isBlank()).orElseThrow(() -> required("step-name",
                "the name of the step the checkpoint follows"));
        PrintWriter out = spec.commandLine().getOut();
        CheckpointStoreOptions.Context context = storeOptions.context(environment, spec.commandLine().getErr());
        String laneId = lane(context).id();
        retentionDays.filter(d -> d < 1 || d > 400).ifPresent(d -> {
            throw new InvalidInputException("--retention-days must be between 1 and 400, got " + d);
        });
        List<String> globs = new ArrayList<>(context.config().checkpoints().paths());
        paths.stream().map(String::trim).filter(p -> !p.isEmpty()).forEach(globs::add);
        CheckpointStore store = context.open(storeOptions.jobKey(), retentionDays);
        CheckpointRequest request = new CheckpointRequest(checkpointId, laneId, step, name, !failed,
                errorMessage.filter(m -> !m.isBlank()), globs, jobAttempt(), jobStartedAt());
        CheckpointCreator.Created created = new CheckpointCreator(context.workspace(), ArchiveWriter.withDefaults(),
                Clock.systemUTC()).create(request, store);
        created.warnings().forEach(context.warnings());
        new StepOutputs(environment, out).set("checkpoint-id", created.checkpoint().id());
        printResult(format == FormatOption.json ? CheckpointCodec.toJsonLine(CheckpointCodec.summary(created.checkpoint()))
                : CheckpointText.created(created.checkpoint(), store.describe()));
        return ExitCodes.OK;
    }

    /** A fixed lane, or {@code auto} (the action input's default) chosen as the report chooses it. */
    private Lane lane(CheckpointStoreOptions.Context context) {
        String id = lane.map(String::trim).filter(l -> !l.isEmpty()).orElse(LaneChoice.AUTO);
        if (!id.equals(LaneChoice.AUTO)) {
            return Lane.findById(id).orElseThrow(() -> new InvalidInputException("--lane must be one of "
                    + LaneChoice.AUTO + ", " + Lane.knownIds() + ", got '" + id + "'"));
        }
        Optional<List<String>> changed = context.config().lanes().lane().isPresent() ? Optional.empty()
                : GitChangedFiles.find(context.workspace().root(), environment.baseRef());
        return new LaneChoice(Optional.empty(), context.config().lanes(), changed, Optional.empty())
                .decide(Optional.empty()).lane();
    }

    private Optional<JobAttempt> jobAttempt() {
        return environment.runId().isPresent() ? Optional.of(new JobAttempt(storeOptions.jobKey().or(environment::job)
                .orElse("job"), environment.runId().getAsLong(), environment.runAttempt())) : Optional.empty();
    }

    private Optional<Instant> jobStartedAt() {
        try {
            return environment.find(StepOutputs.JOB_STARTED_AT).map(Instant::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
