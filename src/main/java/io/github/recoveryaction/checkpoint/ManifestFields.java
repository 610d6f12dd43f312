package io.github.recoveryaction.checkpoint;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** A manifest's fields besides its file list, with access that names the manifest and key in every error. */
record ManifestFields(String source, JsonNode root, Optional<List<FileEntry>> files) {

    Checkpoint read() {
        if (root == null || !root.isObject()) {
            throw bad("is not a JSON object");
        }
        int version = requireInt(root, "schemaVersion");
        if (version > Checkpoint.SCHEMA_VERSION || version < 1) {
            throw new UnsupportedSchemaException("manifest " + source + " has schema version " + version
                    + "; this recovery reads versions 1 to " + Checkpoint.SCHEMA_VERSION
                    + " - restore it with the release that wrote it, or upgrade recovery-action");
        }
        JsonNode metrics = root.path("metrics");
        JsonNode job = root.path("job");
        return new Checkpoint(version, requireText(root, "id"), requireText(root, "lane"),
                requireInt(root, "stepNumber"), requireText(root, "stepName"), root.path("success").asBoolean(true),
                optionalText(root, "errorMessage"), optionalText(root, "commit"), optionalText(root, "branch"),
                root.path("dirty").asBoolean(false), requireText(root, "stateHash"), requireText(root, "archiveHash"),
                requireLong(root, "archiveBytes"), requireLong(root, "bytes"), requireInstant(root, "createdAt"),
                new CheckpointMetrics(metrics.path("wallMillis").asLong(), metrics.path("cpuMillis").asLong(),
                        metrics.path("peakMemoryBytes").asLong(),
                        metrics.hasNonNull("jobElapsedMillis") ? OptionalLong.of(metrics.get("jobElapsedMillis").asLong())
                                : OptionalLong.empty()),
                job.isObject() ? Optional.of(new JobAttempt(requireText(job, "name"), requireLong(job, "runId"),
                        requireInt(job, "attempt"))) : Optional.empty(),
                fileList(), pieces());
    }

    private List<Piece> pieces() {
        JsonNode list = root.path("pieces");
        List<Piece> pieces = new ArrayList<>();
        for (JsonNode p : list.isArray() ? list : JsonNodeFactory.instance.arrayNode()) {
            if (!p.isObject()) {
                throw bad("has a piece that is not an object");
            }
            pieces.add(new Piece(requireText(p, "id"), requireText(p, "archiveHash"), requireLong(p, "archiveBytes"),
                    requireText(p, "stateHash")));
        }
        return pieces;
    }

    private List<FileEntry> fileList() {
        return files.orElseThrow(() -> bad("has no fileList array"));
    }

    private String requireText(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || !v.isTextual()) {
            throw bad("has no text field '" + key + "'");
        }
        return v.asText();
    }

    private int requireInt(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || !v.canConvertToInt()) {
            throw bad("has no whole-number field '" + key + "'");
        }
        return v.asInt();
    }

    private long requireLong(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || !(v.isIntegralNumber() || v.isTextual() && v.asText().matches("\\d+"))) {
            throw bad("has no whole-number field '" + key + "'");
        }
        return v.asLong();
    }

    private Instant requireInstant(JsonNode node, String key) {
        try {
            return Instant.parse(requireText(node, key));
        } catch (DateTimeParseException e) {
            throw bad("has an invalid timestamp in '" + key + "'");
        }
    }

    private static Optional<String> optionalText(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    private CheckpointException bad(String problem) {
        return new CheckpointException("manifest " + source + " " + problem);
    }
}
