package io.github.recoveryaction.classify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds GitHub Actions job logs for tests: runner preamble, steps with headers, error lines, post-job cleanup. */
final class JobLogBuilder {

    private final List<String> lines = new ArrayList<>();
    private Instant time = Instant.parse("2026-03-02T09:00:00Z");
    private boolean timestamps = true;

    static JobLogBuilder jobLog() {
        return new JobLogBuilder().line("Current runner version: '2.331.0'").line("##[group]Operating System")
                .line("Ubuntu").line("##[endgroup]").line("Complete job name: build");
    }

    JobLogBuilder withoutTimestamps() {
        timestamps = false;
        return this;
    }

    JobLogBuilder step(String command, String... output) {
        line("##[group]Run " + command).line(command).line("shell: /usr/bin/bash -e {0}").line("##[endgroup]");
        for (String o : output) {
            line(o);
        }
        return this;
    }

    JobLogBuilder exit(int code) {
        return line("##[error]Process completed with exit code " + code + ".");
    }

    JobLogBuilder post() {
        return line("Post job cleanup.").line("[command]/usr/bin/git version").line("Cleaning up orphan processes");
    }

    JobLogBuilder line(String text) {
        time = time.plusMillis(250);
        String stamp = time.toString().replace("Z", "");
        stamp = (stamp.contains(".") ? stamp : stamp + ".") + "0000000";
        lines.add(timestamps ? stamp.substring(0, 27) + "Z " + text : text);
        return this;
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    String build() {
        return String.join("\n", lines) + "\n";
    }
}
