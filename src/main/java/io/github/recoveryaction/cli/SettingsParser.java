package io.github.recoveryaction.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import io.github.recoveryaction.InvalidInputException;
import io.github.recoveryaction.config.BaselineMode;
import io.github.recoveryaction.config.DurationText;
import io.github.recoveryaction.config.ReportMode;
import io.github.recoveryaction.config.RerunSelection;
import io.github.recoveryaction.config.RerunSettings;
import io.github.recoveryaction.config.Settings;
import io.github.recoveryaction.config.Settings.Secret;
import io.github.recoveryaction.github.RunnerEnvironment;
import io.github.recoveryaction.plan.Lane;

/**
 * Turns the report command's options (already defaulted from action inputs) into {@link Settings}. Numbers and
 * choices are options of type String and checked here, so a bad input becomes one message naming it, which the
 * action reports as a warning rather than a usage error that fails the step.
 */
final class SettingsParser {

    private final RunnerEnvironment env;

    SettingsParser(RunnerEnvironment env) {
        this.env = env;
    }

    Settings parse(ReportCommand o) {
        ReportMode mode = ReportMode.findById(o.mode.trim()).orElseThrow(() -> new InvalidInputException(
                "mode '" + o.mode + "' is not known; use " + ReportMode.knownIds()));
        String lane = o.lane.trim();
        if (!lane.equals("auto") && Lane.findById(lane).isEmpty()) {
            throw new InvalidInputException("lane '" + lane + "' is not known; use auto, " + Lane.knownIds());
        }
        Path workspace = text(o.workspace).map(Path::of).or(env::workspace).orElse(Path.of(""));
        Optional<Secret> token = text(o.githubToken).or(() -> env.find("GITHUB_TOKEN")).map(Secret::new);
        long maxJobs = number("max-jobs", o.maxJobs).orElse(5);
        if (maxJobs < 1 || maxJobs > 100) {
            throw new InvalidInputException("max-jobs must be between 1 and 100, got " + maxJobs);
        }
        OptionalLong attempt = number("run-attempt", o.runAttempt);
        BaselineMode baseline = BaselineMode.findById(text(o.baseline).orElse("auto")).orElseThrow(
                () -> new InvalidInputException("baseline '" + o.baseline + "' is not known; use auto or off"));
        return new Settings(o.command, mode, token, number("job-id", o.jobId), number("run-id", o.runId),
                attempt.isPresent() ? Optional.of((int) attempt.getAsLong()) : Optional.empty(),
                clean(o.logFiles), clean(o.testReports), o.comment, text(o.commentKey), o.annotations, lane,
                text(o.rulesFile).map(workspace::resolve), text(o.configFile).map(workspace::resolve), (int) maxJobs,
                o.failOnError, workspace, rerun(o), baseline);
    }

    /** The re-run inputs; each absent one is left to the configuration file and the defaults. */
    private static RerunSettings rerun(ReportCommand o) {
        Optional<RerunSelection> selection = text(o.rerun).map(RerunSelection::parse);
        Optional<Integer> maxAttempts = text(o.maxAttempts).map(text -> {
            try {
                int n = Integer.parseInt(text);
                if (n >= 1 && n <= RerunSettings.MAX_ATTEMPTS_LIMIT) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below with the fix
            }
            throw new InvalidInputException("max-attempts: '" + text + "' is not a whole number from 1 to "
                    + RerunSettings.MAX_ATTEMPTS_LIMIT + " (GitHub re-runs a run at most 50 times)");
        });
        Optional<Duration> delay = text(o.rerunDelay).map(text -> DurationText.parse(text).orElseThrow(
                () -> new InvalidInputException("rerun-delay: '" + text + "' is not a duration like 0s, 30s, 5m or 1h")));
        Optional<Boolean> dryRun = text(o.rerunDryRun).map(text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidInputException("rerun-dry-run: '" + text + "' is not true or false");
        });
        return new RerunSettings(selection, maxAttempts, delay, dryRun, Optional.empty(), Optional.empty());
    }

    private static OptionalLong number(String name, String value) {
        Optional<String> text = text(value);
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(text.get()));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name + " must be a number, got '" + text.get() + "'");
        }
    }

    static Optional<String> text(String value) {
        return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static List<String> clean(List<String> globs) {
        return globs.stream().map(String::trim).filter(g -> !g.isEmpty()).toList();
    }
}
