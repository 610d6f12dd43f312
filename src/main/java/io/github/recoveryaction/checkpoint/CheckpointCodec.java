package io.github.recoveryaction.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Manifest JSON with the camelCase keys of the CLI contract. The stored manifest is the printed object plus
 * {@code schemaVersion} and {@code fileList}; readers ignore unknown keys of their schema version and refuse newer
 * versions, so a manifest written by a newer release is never half-understood.
 */
public final class CheckpointCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CheckpointCodec() {
    }

    /** The object {@code recovery checkpoint} and {@code recovery list} print: the manifest without its file list. */
    public static ObjectNode summary(Checkpoint c) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", c.id());
        o.put("stepNumber", c.stepNumber());
        o.put("stepName", c.stepName());
        o.put("lane", c.lane());
        o.put("success", c.success());
        o.put("errorMessage", c.errorMessage().orElse(null));
        o.put("commit", c.commit().orElse(null));
        o.put("branch", c.branch().orElse(null));
        o.put("dirty", c.dirty());
        o.put("stateHash", c.stateHash());
        o.put("archiveHash", c.archiveHash());
        o.put("files", c.files());
        o.put("bytes", c.bytes());
        o.put("archiveBytes", c.archiveBytes());
        o.put("storedBytes", c.storedBytes());
        ArrayNode pieces = o.putArray("pieces");
        c.pieces().forEach(p -> pieces.add(p.checkpointId()));
        o.put("createdAt", c.createdAt().toString());
        ObjectNode m = o.putObject("metrics");
        m.put("wallMillis", c.metrics().wallMillis());
        m.put("cpuMillis", c.metrics().cpuMillis());
        m.put("peakMemoryBytes", c.metrics().peakMemoryBytes());
        c.metrics().jobElapsedMillis().ifPresent(ms -> m.put("jobElapsedMillis", ms));
        c.job().ifPresent(j -> o.putObject("job").put("name", j.job()).put("runId", j.runId()).put("attempt", j.attempt()));
        return o;
    }

    public static ObjectNode manifest(Checkpoint c) {
        ObjectNode o = JSON.createObjectNode();
        o.put("schemaVersion", c.schemaVersion());
        o.setAll(summary(c));
        ArrayNode pieces = o.putArray("pieces");
        for (Piece p : c.pieces()) {
            pieces.addObject().put("id", p.checkpointId()).put("archiveHash", p.archiveHash())
                    .put("archiveBytes", p.archiveBytes()).put("stateHash", p.stateHash());
        }
        ArrayNode files = o.putArray("fileList");
        for (FileEntry e : c.fileList()) {
            ObjectNode f = files.addObject();
            f.put("path", e.path());
            f.put("type", e.type().id());
            if (e.type() != EntryType.DELETED) {
                f.put("mode", StateHash.octal(e.mode()));
            }
            if (e.type() == EntryType.FILE) {
                f.put("size", e.size());
            }
            e.sha256().ifPresent(h -> f.put("sha256", h));
            e.linkTarget().ifPresent(t -> f.put("target", t));
            e.mtimeMillis().ifPresent(t -> f.put("mtime", t));
            e.piece().ifPresent(p -> f.put("piece", p));
        }
        return o;
    }

    /** Compact: a manifest lists every captured path, and tools read it with {@code jq}. */
    public static byte[] write(Checkpoint c) {
        try {
            return JSON.writeValueAsBytes(manifest(c));
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise checkpoint " + c.id(), e);
        }
    }

    public static String toJsonLine(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise JSON", e);
        }
    }

    /** Reads a stored manifest; {@code source} names it in messages. */
    public static Checkpoint read(String source, InputStream in) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (IOException e) {
            String reason = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new CheckpointException("manifest " + source + " is not valid JSON: "
                    + String.valueOf(reason).replaceAll("\\s+", " "), e);
        }
        return new ManifestReader(source, root).read();
    }

    /** Field access that names the manifest and key in every error. */
    private record ManifestReader(String source, JsonNode root) {

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
            for (JsonNode p : list.isArray() ? list : JSON.createArrayNode()) {
                if (!p.isObject()) {
                    throw bad("has a piece that is not an object");
                }
                pieces.add(new Piece(requireText(p, "id"), requireText(p, "archiveHash"), requireLong(p, "archiveBytes"),
                        requireText(p, "stateHash")));
            }
            return pieces;
        }

        private List<FileEntry> fileList() {
            JsonNode list = root.path("fileList");
            if (!list.isArray()) {
                throw bad("has no fileList array");
            }
            List<FileEntry> entries = new ArrayList<>(list.size());
            for (JsonNode f : list) {
                String path = requireText(f, "path");
                String typeId = requireText(f, "type");
                EntryType type = EntryType.findById(typeId).orElseThrow(() -> bad("has an entry '" + path
                        + "' of unknown type '" + typeId + "'"));
                int mode = type == EntryType.DELETED ? 0 : parseMode(path, requireText(f, "mode"));
                entries.add(new FileEntry(path, type, mode, f.path("size").asLong(0), optionalText(f, "sha256"),
                        optionalText(f, "target"), f.hasNonNull("mtime") ? OptionalLong.of(f.get("mtime").asLong())
                                : OptionalLong.empty(),
                        optionalText(f, "piece")));
            }
            return entries;
        }

        private int parseMode(String path, String text) {
            try {
                return Integer.parseInt(text, 8) & 07777;
            } catch (NumberFormatException e) {
                throw bad("has an invalid mode '" + text + "' for '" + path + "'");
            }
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
}
