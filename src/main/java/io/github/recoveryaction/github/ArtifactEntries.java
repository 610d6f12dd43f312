package io.github.recoveryaction.github;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads chosen files out of a workflow artifact's zip as it streams in, without unpacking it anywhere: each entry
 * whose name the filter accepts is handed over as bytes, at most {@code maxEntryBytes} each. A zip inside the zip
 * (what some downloads wrap an upload in) is looked into once.
 */
public final class ArtifactEntries {

    /** Receives one accepted entry. */
    @FunctionalInterface
    public interface Visitor {
        void visit(String name, byte[] content) throws IOException;
    }

    private final Predicate<String> accept;
    private final long maxEntryBytes;

    public ArtifactEntries(Predicate<String> accept, long maxEntryBytes) {
        this.accept = accept;
        this.maxEntryBytes = maxEntryBytes;
    }

    /** @return how many entries were visited; entries above the size limit are skipped */
    public int read(InputStream zip, Visitor visitor) throws IOException {
        return read(zip, visitor, true);
    }

    private int read(InputStream in, Visitor visitor, boolean descend) throws IOException {
        ZipInputStream zip = new ZipInputStream(in);
        int visited = 0;
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            if (entry.isDirectory()) {
                continue;
            }
            boolean inner = descend && entry.getName().endsWith(".zip");
            if (!inner && !accept.test(entry.getName())) {
                continue;
            }
            byte[] content = bounded(zip, inner ? maxEntryBytes * 64 : maxEntryBytes);
            if (content == null) {
                continue;
            }
            if (inner) {
                visited += read(new ByteArrayInputStream(content), visitor, false);
            } else {
                visitor.visit(entry.getName(), content);
                visited++;
            }
        }
        return visited;
    }

    /** The entry's bytes, or null when it is larger than {@code max} (the next entry skips the rest). */
    private static byte[] bounded(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 << 10];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > max) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
