package io.github.recoveryaction.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.SourceLocation;

/**
 * Workflow-command lines for annotations, escaped as the runner parses them: in the message {@code %}, CR and LF
 * become {@code %25}, {@code %0D}, {@code %0A}; in property values also {@code :} and {@code ,} become
 * {@code %3A}, {@code %2C}. The runner keeps only 10 annotations per level and step, so at most 10 lines per level
 * are produced, the tenth summarising the rest.
 */
public final class AnnotationRenderer {

    /** Annotations the runner records per level and step; more are only logged. */
    public static final int MAX_PER_LEVEL = 10;
    /** The runner truncates messages at 4,096 characters; staying below keeps our own "…" visible. */
    static final int MAX_MESSAGE = 4_000;

    private final Redactor redactor;

    public AnnotationRenderer(Redactor redactor) {
        this.redactor = redactor;
    }

    /** The workflow-command lines for {@code annotations}, in order, at most {@value #MAX_PER_LEVEL} per level. */
    public List<String> render(List<Annotation> annotations) {
        Map<Annotation.Level, Integer> total = new EnumMap<>(Annotation.Level.class);
        annotations.forEach(a -> total.merge(a.level(), 1, Integer::sum));
        Map<Annotation.Level, Integer> written = new EnumMap<>(Annotation.Level.class);
        List<String> lines = new ArrayList<>();
        for (Annotation a : annotations) {
            int n = written.merge(a.level(), 1, Integer::sum);
            int all = total.get(a.level());
            if (n < MAX_PER_LEVEL || all == MAX_PER_LEVEL) {
                lines.add(format(a));
            } else if (n == MAX_PER_LEVEL) {
                lines.add(format(Annotation.of(a.level(), "More findings", "… and " + (all - MAX_PER_LEVEL + 1)
                        + " more; see the job summary for the full report.")));
            }
        }
        return lines;
    }

    /**
     * The annotations for a report: one error per source location the classifier found (so they show in the pull
     * request's diff), else one error for the failing step with the recommended action.
     */
    public static List<Annotation> forReport(FailureReport report) {
        Classification c = report.classification();
        List<Annotation> out = new ArrayList<>();
        if (!c.failed()) {
            return out;
        }
        String title = MarkdownReportWriter.typeLabel(c) + report.shownStep().map(s -> " in step " + s.number() + " "
                + s.displayName().orElse(s.name())).orElse("");
        for (SourceLocation l : c.details().locations()) {
            out.add(new Annotation(Annotation.Level.ERROR, l.message().isBlank() ? c.title() : l.message(),
                    Optional.of(title), Optional.of(l.file()), l.line(), OptionalInt.empty(), l.column()));
        }
        if (out.isEmpty()) {
            String next = report.plan().findRecommended().or(() -> report.plan().actions().stream().findFirst())
                    .map(a -> "\nNext: " + a.description()).orElse("");
            out.add(Annotation.of(Annotation.Level.ERROR, title, c.title() + next));
        }
        return out;
    }

    private String format(Annotation a) {
        List<String> props = new ArrayList<>();
        a.file().ifPresent(f -> props.add("file=" + property(f)));
        a.line().ifPresent(l -> props.add("line=" + l));
        a.endLine().ifPresent(l -> props.add("endLine=" + l));
        a.column().ifPresent(c -> props.add("col=" + c));
        a.title().ifPresent(t -> props.add("title=" + property(t)));
        String message = LogText.lines(redactor.redact(a.message()));
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE - 1) + "…";
        }
        return "::" + a.level().command() + (props.isEmpty() ? "" : " " + String.join(",", props)) + "::" + data(message);
    }

    /** Escapes a message as the runner's {@code ActionCommand} unescapes it. */
    static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes a property value; {@code :} and {@code ,} would otherwise end the value. */
    String property(String text) {
        return data(redactor.redact(text)).replace(":", "%3A").replace(",", "%2C");
    }
}
