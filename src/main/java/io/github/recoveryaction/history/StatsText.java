package io.github.recoveryaction.history;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.github.recoveryaction.history.StatsReport.Count;
import io.github.recoveryaction.plan.DurationFormat;

/** {@link StatsReport} for a terminal: one labelled line per figure. */
public final class StatsText {

    private StatsText() {
    }

    public static String render(StatsReport r, StatsScope scope) {
        StringBuilder out = new StringBuilder(scope.repository()).append(": ").append(scope.describe().replace("`", ""))
                .append('\n');
        line(out, "runs", r.runs() + " completed, " + r.failedRuns() + " failed, " + r.rerunRuns() + " re-run, "
                + r.failedJobs() + " failed jobs");
        line(out, "time lost", DurationFormat.human(r.failedJobTime()) + " in failed jobs, "
                + DurationFormat.human(r.rerunTime()) + " in re-run attempts");
        line(out, "by type", counts(r.byType()));
        line(out, "by job", counts(r.byJob()));
        line(out, "by rule", counts(r.byRule()));
        line(out, "flaky", r.flakyTests().stream().map(f -> f.name() + " (" + f.job() + ", " + f.times() + "×)")
                .collect(Collectors.joining(", ")));
        StatsReport.Recovery rec = r.recovery();
        line(out, "recovery", rec.branch() + ": " + rec.incidents().size() + " red spells"
                + rec.median().map(m -> ", median " + DurationFormat.human(m)).orElse("")
                + rec.longest().map(m -> ", longest " + DurationFormat.human(m)).orElse("")
                + (rec.redSince().isEmpty() ? "" : ", still red since " + rec.redSince().get(0).since()));
        r.rootCauses().forEach(c -> line(out, "cause", c.count() + "× " + c.key()));
        line(out, "scan", scope.scanNote());
        return out.toString();
    }

    private static String counts(List<Count> counts) {
        return counts.stream().map(c -> c.key() + " " + c.count()).collect(Collectors.joining(", "));
    }

    private static void line(StringBuilder out, String label, String value) {
        if (!value.isBlank()) {
            out.append("  ").append(String.format(Locale.ROOT, "%-11s", label + ":")).append(value).append('\n');
        }
    }
}
