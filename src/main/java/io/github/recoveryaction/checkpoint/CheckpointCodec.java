package io.github.recoveryaction.checkpoint;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
                    files = Optional.of(FileListReader.read(source, parser));
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
        return new ManifestFields(source, root, files).read();
    }

}
