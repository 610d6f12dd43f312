package io.github.recoveryaction.classify.generic;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.github.recoveryaction.classify.FailureType;

/**
 * The generic tier's word lists and weights, read from the versioned resource {@code generic/lexicon.yaml}: the
 * tier's knowledge is data like the rules, so changing a weight is a reviewed data change, not a code change.
 */
public record Lexicon(
        int version,
        List<Pattern> noise,
        List<Pattern> wrappers,
        List<Pattern> recovered,
        List<Pattern> gaveUp,
        int recoveredReach,
        List<Pattern> warnings,
        List<Weighted> errorWords,
        List<Signal> signals,
        Confidence confidence,
        int window,
        int clusterGap,
        int clusterSpan,
        Pattern aggregatorJobs,
        Pattern needsFailure) {

    static final String RESOURCE = "/generic/lexicon.yaml";

    /** A pattern whose match adds {@code weight} to a line's error score. */
    public record Weighted(Pattern pattern, double weight) {
    }

    /**
     * Wording that names a failure type.
     *
     * @param id the tail of the verdict's rule id ({@code generic.<id>})
     * @param context when it matches the line or the lines just before it, the type becomes {@code contextType}
     */
    public record Signal(String id, FailureType type, double weight, Pattern pattern, Optional<Pattern> context,
            Optional<FailureType> contextType) {
    }

    /** How sure a generic verdict is: {@code base + spread * share}, at most {@code cap}. */
    public record Confidence(double base, double spread, double cap, double unknown) {
    }

    private static final Lexicon BUNDLED = load();

    public static Lexicon bundled() {
        return BUNDLED;
    }

    private static Lexicon load() {
        try (InputStream in = Lexicon.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            return parse(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    static Lexicon parse(JsonNode root) {
        if (root.path("schema-version").asInt() != 1) {
            throw new IllegalStateException(RESOURCE + ": schema-version must be 1");
        }
        List<Weighted> words = new ArrayList<>();
        root.path("error-words").forEach(n -> words.add(new Weighted(pattern(n.path("pattern")), n.path("weight")
                .asDouble())));
        List<Signal> signals = new ArrayList<>();
        for (JsonNode n : root.path("signals")) {
            JsonNode context = n.path("context");
            signals.add(new Signal(n.path("id").asText(), type(n.path("type")), n.path("weight").asDouble(1),
                    pattern(n.path("pattern")),
                    context.isMissingNode() ? Optional.empty() : Optional.of(pattern(context.path("pattern"))),
                    context.isMissingNode() ? Optional.empty() : Optional.of(type(context.path("type")))));
        }
        JsonNode c = root.path("confidence");
        return new Lexicon(root.path("version").asInt(), patterns(root.path("noise")), patterns(root.path("wrappers")),
                patterns(root.path("recovered")), patterns(root.path("gave-up")), root.path("recovered-reach").asInt(6),
                patterns(root.path("warnings")),
                List.copyOf(words), List.copyOf(signals),
                new Confidence(c.path("base").asDouble(), c.path("spread").asDouble(), c.path("cap").asDouble(),
                        c.path("unknown").asDouble()),
                root.path("window").asInt(300), root.path("cluster-gap").asInt(12), root.path("cluster-span").asInt(60),
                pattern(root.path("aggregator-jobs")), pattern(root.path("needs-failure")));
    }

    private static List<Pattern> patterns(JsonNode list) {
        List<Pattern> result = new ArrayList<>();
        list.forEach(n -> result.add(pattern(n)));
        return List.copyOf(result);
    }

    private static Pattern pattern(JsonNode node) {
        if (!node.isTextual()) {
            throw new IllegalStateException(RESOURCE + ": expected a pattern, got " + node);
        }
        try {
            return Pattern.compile(node.asText());
        } catch (PatternSyntaxException e) {
            throw new IllegalStateException(RESOURCE + ": invalid pattern " + node.asText() + ": " + e.getDescription(),
                    e);
        }
    }

    private static FailureType type(JsonNode node) {
        return FailureType.findById(node.asText())
                .orElseThrow(() -> new IllegalStateException(RESOURCE + ": unknown failure type " + node.asText()));
    }

    static boolean any(List<Pattern> patterns, String text) {
        for (Pattern p : patterns) {
            if (p.matcher(text).find()) {
                return true;
            }
        }
        return false;
    }
}
