package io.github.recoveryaction.plan;

import java.time.Duration;

/** Durations for readers: {@code 1h 5m}, {@code 45m 12s}, {@code 30s}. */
public final class DurationFormat {

    private DurationFormat() {
    }

    public static String human(Duration d) {
        long s = Math.max(0, d.toSeconds());
        StringBuilder out = new StringBuilder();
        if (s >= 3600) {
            out.append(s / 3600).append("h ");
        }
        if (s % 3600 >= 60) {
            out.append(s % 3600 / 60).append("m ");
        }
        if (s % 60 > 0 || s == 0) {
            out.append(s % 60).append("s");
        }
        return out.toString().strip();
    }
}
