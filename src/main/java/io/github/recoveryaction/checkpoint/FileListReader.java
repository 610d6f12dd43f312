package io.github.recoveryaction.checkpoint;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * A manifest's {@code fileList}, tens of thousands of entries, read field by field from the parser rather than as a
 * tree. Keys added within a schema version are skipped.
 */
final class FileListReader {

    private FileListReader() {
    }

    static List<FileEntry> read(String source, JsonParser parser) throws IOException {
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
}
