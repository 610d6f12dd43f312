package io.github.recoveryaction.checkpoint;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
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

    /**
     * Compact: a manifest lists every captured path, and tools read it with {@code jq}. Written through a generator,
     * entry by entry, rather than built as a tree first.
     */
    public static byte[] write(Checkpoint c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + 160 * c.fileList().size());
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("schemaVersion", c.schemaVersion());
            ObjectNode summary = summary(c);
            summary.remove("pieces");
            for (Map.Entry<String, JsonNode> field : summary.properties()) {
                g.writeFieldName(field.getKey());
                JSON.writeTree(g, field.getValue());
            }
            g.writeArrayFieldStart("pieces");
            for (Piece p : c.pieces()) {
                g.writeStartObject();
                g.writeStringField("id", p.checkpointId());
                g.writeStringField("archiveHash", p.archiveHash());
                g.writeNumberField("archiveBytes", p.archiveBytes());
                g.writeStringField("stateHash", p.stateHash());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("fileList");
            for (FileEntry e : c.fileList()) {
                writeEntry(g, e);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise checkpoint " + c.id(), e);
        }
        return out.toByteArray();
    }

    private static void writeEntry(JsonGenerator g, FileEntry e) throws IOException {
        g.writeStartObject();
        g.writeStringField("path", e.path());
        g.writeStringField("type", e.type().id());
        if (e.type() != EntryType.DELETED) {
            g.writeStringField("mode", StateHash.octal(e.mode()));
        }
        if (e.type() == EntryType.FILE) {
            g.writeNumberField("size", e.size());
        }
        if (e.sha256().isPresent()) {
            g.writeStringField("sha256", e.sha256().get());
        }
        if (e.linkTarget().isPresent()) {
            g.writeStringField("target", e.linkTarget().get());
        }
        if (e.mtimeMillis().isPresent()) {
            g.writeNumberField("mtime", e.mtimeMillis().getAsLong());
        }
        if (e.piece().isPresent()) {
            g.writeStringField("piece", e.piece().get());
        }
        g.writeEndObject();
    }

    public static String toJsonLine(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise JSON", e);
        }
    }

    /**
     * Reads a stored manifest; {@code source} names it in messages. The file list, tens of thousands of entries, is
     * read field by field from the parser rather than as a tree.
     */
    public static Checkpoint read(String source, InputStream in) {
        ObjectNode root = JSON.createObjectNode();
        Optional<List<FileEntry>> files = Optional.empty();
        try (JsonParser parser = JSON.getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new CheckpointException("manifest " + source + " is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("fileList") && value == JsonToken.START_ARRAY) {
                    files = Optional.of(readFileList(source, parser));
                } else {
                    root.set(name, JSON.readTree(parser));
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new CheckpointException("manifest " + source + " has content after its JSON object");
            }
        } catch (IOException e) {
            String reason = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new CheckpointException("manifest " + source + " is not valid JSON: "
                    + String.valueOf(reason).replaceAll("\\s+", " "), e);
        }
        return new ManifestReader(source, root, files).read();
    }

    private static List<FileEntry> readFileList(String source, JsonParser parser) throws IOException {
        List<FileEntry> entries = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            if (t != JsonToken.START_OBJECT) {
                throw new CheckpointException("manifest " + source + " has a fileList entry that is not an object");
            }
            entries.add(readEntry(source, parser));
        }
        return entries;
    }

    private static FileEntry readEntry(String source, JsonParser parser) throws IOException {
        String path = null;
        String typeId = null;
        String modeText = null;
        long size = 0;
        Optional<String> sha = Optional.empty();
        Optional<String> target = Optional.empty();
        OptionalLong mtime = OptionalLong.empty();
        Optional<String> piece = Optional.empty();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                parser.skipChildren();
                continue;
            }
            if (value == JsonToken.VALUE_NULL) {
                continue;
            }
            switch (name) {
                case "path" -> path = parser.getValueAsString();
                case "type" -> typeId = parser.getValueAsString();
                case "mode" -> modeText = parser.getValueAsString();
                case "size" -> size = parser.getValueAsLong();
                case "sha256" -> sha = Optional.ofNullable(parser.getValueAsString());
                case "target" -> target = Optional.ofNullable(parser.getValueAsString());
                case "mtime" -> mtime = OptionalLong.of(parser.getValueAsLong());
                case "piece" -> piece = Optional.ofNullable(parser.getValueAsString());
                default -> {
                    // a key added within this schema version
                }
            }
        }
        String entryPath = path;
        if (entryPath == null || typeId == null) {
            throw new CheckpointException("manifest " + source + " has a fileList entry without "
                    + (entryPath == null ? "'path'" : "'type' for '" + entryPath + "'"));
        }
        String id = typeId;
        EntryType type = EntryType.findById(id).orElseThrow(() -> new CheckpointException("manifest " + source
                + " has an entry '" + entryPath + "' of unknown type '" + id + "'"));
        int mode = 0;
        if (type != EntryType.DELETED) {
            if (modeText == null) {
                throw new CheckpointException("manifest " + source + " has no text field 'mode' for '" + entryPath + "'");
            }
            try {
                mode = Integer.parseInt(modeText, 8) & 07777;
            } catch (NumberFormatException e) {
                throw new CheckpointException("manifest " + source + " has an invalid mode '" + modeText + "' for '"
                        + entryPath + "'");
            }
        }
        return new FileEntry(entryPath, type, mode, size, sha, target, mtime, piece);
    }

    /** Field access that names the manifest and key in every error. */
    private record ManifestReader(String source, JsonNode root, Optional<List<FileEntry>> files) {

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
}
