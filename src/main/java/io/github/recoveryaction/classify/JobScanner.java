package io.github.recoveryaction.classify;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.recoveryaction.classify.log.LineReader;
import io.github.recoveryaction.classify.log.TextCleaner;
import io.github.recoveryaction.classify.rules.RuleSet;

/**
 * Follows a job log line by line — the hot path of every classification — and finds the failing step. It strips
 * the runner's prefixes (the {@code gh run view --log} columns, byte-order marks, timestamps), splits steps at
 * {@code ##[group]Run} headers, ignores post-job cleanup, and hands a step to the {@link StepAnalyzer} only when it
 * could be the failing one; passing steps are dropped undecoded.
 * <p>
 * The failing step is the first one the runner ended with an error (non-zero exit code, timeout, cancellation,
 * lost runner...); failing that, the last step with an {@code ##[error]} line; failing that, the last step.
 */
final class JobScanner implements LineReader.Sink {

    /**
     * A job's outcome: the analysis of its failing step (empty when the job passed), and whether the runner marked
     * that step as failed.
     */
    record JobResult(Optional<String> job, Optional<StepAnalysis> analysis, boolean markedFailed,
            Classification.Outcome outcome) {
        boolean passed() {
            return analysis.isEmpty();
        }

        static JobResult without(Optional<String> job, Classification.Outcome outcome) {
            return new JobResult(job, Optional.empty(), false, outcome);
        }
    }

    private final RuleSet rules;
    private final StepAnalyzer analyzer;
    private final Optional<String> archiveJob;
    private final List<JobResult> results = new ArrayList<>();

    private StepBuffer current = new StepBuffer();
    private StepBuffer previous = new StepBuffer();
    private boolean hasPrevious;
    private boolean formatKnown;
    private boolean ghColumns;
    private byte[] ghJob = new byte[0];
    private int runCount;
    private boolean inPost;
    private boolean inHeader;
    private boolean runnerLog;
    /** The job's set-up preamble or its clean-up was seen: the log is a whole job, not an excerpt of one. */
    private boolean wholeJob;
    private boolean setUpShown;
    private int lineStart;
    private final PastedHeader pasted = new PastedHeader();
    private StepAnalysis endedWithError;
    private StepAnalysis lastWithError;

    JobScanner(RuleSet rules, StepAnalyzer analyzer, Optional<String> archiveJob) {
        this.rules = rules;
        this.analyzer = analyzer;
        this.archiveJob = archiveJob;
        current.reset(0, null, false);
    }

    @Override
    public void line(byte[] buf, int from, int to, long number) {
        from += ByteOrderMarks.length(buf, from, to);
        int s = from;
        lineStart = from;
        if (!formatKnown) {
            formatKnown = true;
            ghColumns = GhColumns.detect(buf, from, to);
        }
        if (ghColumns) {
            int secondTab = GhColumns.contentStart(buf, from, to);
            if (secondTab > from) {
                if (!GhColumns.sameJob(buf, from, to, ghJob)) {
                    if (number > 1) {
                        finishJob();
                    }
                    ghJob = GhColumns.job(buf, from, to);
                }
                s = secondTab;
                if (!setUpShown && GhColumns.stepIs(buf, from, to, GhColumns.SET_UP_JOB)) {
                    setUpShown = true;
                    wholeJob = true;
                }
            }
        }
        s += ByteOrderMarks.length(buf, s, to);
        int ts = RunnerMarkers.timestampLength(buf, s, to);
        if (ts > 0) {
            runnerLog = true;
        }
        int content = s + ts;
        if (!runnerLog && !ghColumns && pastedLine(buf, content, to, number)) {
            return;
        }
        if (content < to) {
            byte first = buf[content];
            if (first == '#' && RunnerMarkers.startsWith(buf, content, to, RunnerMarkers.MARKER)) {
                // step debug lines read "##[debug]…" in a web-UI copy too: they do not make a paste a runner log
                runnerLog |= !RunnerMarkers.startsWith(buf, content, to, RunnerMarkers.DEBUG);
                if (marker(buf, content, to, number)) {
                    return;
                }
            } else if (first == 'P' && RunnerMarkers.startsWith(buf, content, to, RunnerMarkers.POST_JOB)
                    || first == 'C' && RunnerMarkers.startsWith(buf, content, to, RunnerMarkers.ORPHANS)) {
                wholeJob |= runnerLog || ghColumns;
                if (!inPost) {
                    finishStep();
                    inPost = true;
                    current.reset(runCount, null, true);
                }
                return;
            } else if (runCount == 0 && !wholeJob && RunnerMarkers.startsJob(buf, content, to)) {
                wholeJob = runnerLog || ghColumns;
                setUpShown = true;
            } else if (first == 'E' && !runnerLog
                    && RunnerMarkers.startsWith(buf, content, to, RunnerMarkers.PASTED_EXIT_CODE)) {
                // a log copied from the web UI shows the runner's error line without its ##[error] marker
                current.exitCode = parseExitCode(buf, content + RunnerMarkers.PASTED_EXIT_CODE.length, to);
                current.exitCodeLine = number;
                // as in a raw log, the runner ended this step: steps pasted after it (if: always()) did not fail
                current.terminal |= current.exitCode != 0;
            }
        }
        if (inPost || endedWithError != null) {
            return;
        }
        if (ts > 0) {
            current.timestamp(buf, s, buf[content - 1] == ' ' ? content - 1 : content);
        }
        current.append(buf, content, to, number, rules);
    }

    /** Handles a {@code ##[} line; returns true when the line is consumed (not part of any step's output). */
    private boolean marker(byte[] buf, int content, int to, long number) {
        if (!wholeJob && runCount == 0 && RunnerMarkers.startsJob(buf, content, to)) {
            wholeJob = runnerLog || ghColumns;
            setUpShown = true;
        }
        if (RunnerMarkers.startsWith(buf, content, to, RunnerMarkers.GROUP_RUN)) {
            finishStep();
            runCount++;
            int nameFrom = content + RunnerMarkers.GROUP_RUN.length;
            current.reset(runCount, TextCleaner.clean(buf, nameFrom, to).strip(), inPost);
            current.displayName = ghColumns ? GhColumns.step(buf, lineStart, to) : null;
            inHeader = true;
            return false;
        }
        if (inHeader && RunnerMarkers.startsWith(buf, content, to, RunnerMarkers.END_GROUP)) {
            // the header echoes the step's script and inputs: words in a script are not output of the step
            inHeader = false;
            current.dropLines();
            return true;
        }
        if (RunnerMarkers.startsWith(buf, content, to, RunnerMarkers.ERROR) && !current.post && !inPost) {
            current.errorSeen = true;
            int text = content + RunnerMarkers.ERROR.length;
            if (RunnerMarkers.startsWith(buf, text, to, RunnerMarkers.EXIT_CODE)) {
                current.exitCode = parseExitCode(buf, text + RunnerMarkers.EXIT_CODE.length, to);
                current.exitCodeLine = number;
                current.terminal |= current.exitCode != 0;
            } else if (RunnerMarkers.endsStep(buf, text, to)) {
                current.terminal = true;
            }
        }
        return false;
    }

    /**
     * A log copied from the web UI shows a step's header as {@code Run <command>} without the runner's marker; it
     * is a header when it opens the paste or when the header's echo (indented script lines, {@code shell:},
     * {@code with:}, {@code env:}) follows it. Returns true when the line is consumed.
     */
    private boolean pastedLine(byte[] buf, int content, int to, long number) {
        PastedHeader.Decision decision = pasted.line(buf, content, to, number);
        if (decision == PastedHeader.Decision.FLUSH) {
            flushPendingRun();
            decision = pasted.line(buf, content, to, number);
        }
        switch (decision) {
            case OPEN -> {
                startPastedStep(pasted.name(buf, content, to));
                return true;
            }
            case CONFIRM -> {
                startPastedStep(pasted.pendingName());
                pasted.clear();
                return true;
            }
            case HOLD, ECHO -> {
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private void startPastedStep(String name) {
        if (inPost || endedWithError != null) {
            return;
        }
        finishStep();
        runCount++;
        current.reset(runCount, name, false);
    }

    private void flushPendingRun() {
        byte[] line = pasted.pendingLine();
        if (line != null && !inPost && endedWithError == null) {
            current.append(line, 0, line.length, pasted.pendingNumber(), rules);
        }
        pasted.clear();
    }

    private static int parseExitCode(byte[] buf, int from, int to) {
        int value = 0;
        int i = from;
        for (; i < to && buf[i] >= '0' && buf[i] <= '9' && i - from < 9; i++) {
            value = value * 10 + buf[i] - '0';
        }
        return i == from ? 1 : value;
    }

    private void finishStep() {
        StepBuffer step = current;
        if (step.post || endedWithError != null) {
            return;
        }
        if (step.terminal) {
            endedWithError = analyze(step);
        } else if (step.errorSeen) {
            lastWithError = analyze(step);
        }
        if (!step.isEmpty() || step.number > 0) {
            current = previous;
            previous = step;
            hasPrevious = true;
        }
        current.reset(runCount, null, inPost);
    }

    private StepAnalysis analyze(StepBuffer step) {
        return analyzer.analyze(step, stepRef(step));
    }

    /**
     * The step as the contract names it. Lines before the first header are the job's set-up only when the log shows
     * the set-up (an excerpt that starts inside a step has no step to name).
     */
    private Optional<StepRef> stepRef(StepBuffer step) {
        if (step.number == 0) {
            return setUpShown && (runnerLog || ghColumns) ? Optional.of(StepRef.SET_UP_JOB) : Optional.empty();
        }
        return Optional.of(new StepRef(step.number, step.name, Optional.ofNullable(step.displayName)));
    }

    /** Ends the current job (end of input, or a new job in {@code gh run view --log} output). */
    void finishJob() {
        flushPendingRun();
        pasted.reset();
        finishStep();
        boolean marked = endedWithError != null || lastWithError != null;
        Optional<StepAnalysis> chosen;
        if (marked) {
            chosen = Optional.of(endedWithError != null ? endedWithError : lastWithError);
        } else if (wholeJob) {
            // a whole job log without any error line: the job passed
            chosen = Optional.empty();
        } else {
            chosen = Optional.of(hasPrevious ? analyze(previous) : analyze(current));
        }
        Optional<String> job = ghColumns && ghJob.length > 0
                ? Optional.of(new String(ghJob, StandardCharsets.UTF_8))
                : archiveJob;
        results.add(new JobResult(job, chosen, marked,
                chosen.isPresent() ? Classification.Outcome.FAILED : Classification.Outcome.NO_FAILED_STEP));
        current.reset(0, null, false);
        previous.reset(0, null, false);
        hasPrevious = false;
        inHeader = false;
        runCount = 0;
        inPost = false;
        wholeJob = false;
        setUpShown = false;
        endedWithError = null;
        lastWithError = null;
    }

    List<JobResult> results() {
        return results;
    }
}
