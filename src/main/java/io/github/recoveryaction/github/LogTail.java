package io.github.recoveryaction.github;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Shortens a downloaded log to its last bytes: a failure is at the end of its log. */
final class LogTail {

    private LogTail() {
    }

    static void keep(Path file, long maxBytes) {
        try {
            long size = Files.size(file);
            if (size <= maxBytes) {
                return;
            }
            Path tail = file.resolveSibling(file.getFileName() + ".tail");
            try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r");
                    OutputStream out = Files.newOutputStream(tail)) {
                in.seek(size - maxBytes);
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0;) {
                    out.write(buffer, 0, n);
                }
            }
            Files.move(tail, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new GitHubAccessException("cannot shorten the downloaded log " + file + ": " + e.getMessage(), e);
        }
    }
}
