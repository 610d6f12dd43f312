package io.github.recoveryaction.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The bundled per-ecosystem cleanup knowledge ({@code checkpoint/cleanup-defaults.yaml}): which marker files name an
 * ecosystem and which caches and build leftovers it recreates.
 */
public final class CleanupDefaults {

    static final String RESOURCE = "/checkpoint/cleanup-defaults.yaml";

    /**
     * @param markers file-name globs whose presence names the ecosystem
     * @param paths globs relative to the folder holding a marker
     */
    public record Ecosystem(String id, List<String> markers, List<String> paths) {
    }

    private CleanupDefaults() {
    }

    public static List<Ecosystem> load() {
        try (InputStream in = CleanupDefaults.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            List<Ecosystem> ecosystems = new ArrayList<>();
            for (JsonNode e : root.path("ecosystems")) {
                ecosystems.add(new Ecosystem(e.path("id").asText(), strings(e.path("markers")), strings(e.path("paths"))));
            }
            return List.copyOf(ecosystems);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    private static List<String> strings(JsonNode list) {
        List<String> values = new ArrayList<>();
        list.forEach(v -> values.add(v.asText()));
        return List.copyOf(values);
    }
}
