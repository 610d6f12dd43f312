package io.github.recoveryaction.rerun;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.github.recoveryaction.config.DurationText;

/** {@code rerun-dry-run}: says what would be done and records it, without waiting or calling GitHub. */
public final class DryRunRequests implements RerunRequests {

    private final Consumer<String> log;
    private final List<String> recorded = new ArrayList<>();

    public DryRunRequests(Consumer<String> log) {
        this.log = log;
    }

    @Override
    public void pause(Duration wait) {
        record("would wait " + DurationText.human(wait));
    }

    @Override
    public boolean rerunFailedJobs(long runId) {
        record("would ask GitHub to re-run the failed jobs of run " + runId);
        return false;
    }

    public List<String> recorded() {
        return List.copyOf(recorded);
    }

    private void record(String what) {
        recorded.add(what);
        log.accept("Dry run (rerun-dry-run): " + what + ".");
    }
}
