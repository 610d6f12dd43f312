package io.github.recoveryaction.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Commands of the job's later {@code run:} steps, which run as the runner's user: as uid
 * {@value EmulatedRunner#RUNNER_UID}, gid {@value EmulatedRunner#RUNNER_GID} through {@code setpriv} when the tests
 * run as root (as CI does), else as the tests' own user (on a GitHub runner, uid 1001 itself).
 */
final class RunnerUser {

    private RunnerUser() {
    }

    /** Runs a shell script; fails the test when it fails. */
    static String run(String script, Path directory) {
        List<String> command = new ArrayList<>();
        if (RunnerOwnership.canChangeOwners()) {
            command.addAll(List.of("setpriv", "--reuid", Integer.toString(EmulatedRunner.RUNNER_UID), "--regid",
                    Integer.toString(EmulatedRunner.RUNNER_GID), "--clear-groups"));
        }
        command.addAll(List.of("sh", "-euc", script));
        Processes.Result result = Processes.run(command, directory, Map.of());
        assertThat(result.exitCode()).as("as the runner's user in %s: %s%n%s", directory, script, result.output())
                .isZero();
        return result.output();
    }
}
