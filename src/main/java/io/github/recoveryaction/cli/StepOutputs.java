package io.github.recoveryaction.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

import io.github.recoveryaction.github.RunnerEnvironment;
import io.github.recoveryaction.github.WorkflowCommands;

/**
 * Step outputs and job variables a checkpoint command leaves for later steps. Both files take the same heredoc
 * format with a random delimiter, so {@link WorkflowCommands} writes either; outside GitHub Actions nothing is written.
 */
final class StepOutputs {

    /** Set by the restore step for the rest of the job, so later checkpoints know how long the job has run. */
    static final String JOB_STARTED_AT = "RECOVERY_JOB_STARTED_AT";

    private final WorkflowCommands outputs;
    private final WorkflowCommands jobVariables;

    StepOutputs(RunnerEnvironment environment, PrintWriter out) {
        this.outputs = WorkflowCommands.of(environment, out);
        this.jobVariables = new WorkflowCommands(environment.find("GITHUB_ENV").map(Path::of),
                Optional.empty(), out, () -> UUID.randomUUID().toString());
    }

    void set(String name, String value) {
        outputs.setOutput(name, value);
    }

    void exportVariable(String name, String value) {
        jobVariables.setOutput(name, value);
    }
}
