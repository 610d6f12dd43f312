package io.github.recoveryaction.rerun;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * How timeouts are judged, as data ({@code rerun/timeouts.yaml}): which rules report a limit the platform imposed,
 * how many successful runs are compared and which share of the limit counts as "well inside".
 *
 * @param platformRules ids of the rules whose timeout is the runner's step or job limit
 * @param samples successful durations compared at most
 * @param share the median must stay below this share of the limit
 */
record TimeoutKnowledge(Set<String> platformRules, int samples, double share) {

    static final String RESOURCE = "/rerun/timeouts.yaml";
    static final TimeoutKnowledge BUNDLED = load();

    TimeoutKnowledge {
        platformRules = Set.copyOf(platformRules);
    }

    private static TimeoutKnowledge load() {
        try (InputStream in = TimeoutKnowledge.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            Set<String> rules = new LinkedHashSet<>();
            root.path("platform-timeout-rules").forEach(r -> rules.add(r.asText()));
            return new TimeoutKnowledge(rules, root.path("samples").asInt(5), root.path("share").asDouble(0.5));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }
}
