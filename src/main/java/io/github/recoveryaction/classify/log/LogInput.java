package io.github.recoveryaction.classify.log;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import io.github.recoveryaction.InvalidInputException;

/**
 * A log as the user handed it over: a file (plain, gzip or a run-logs zip), a folder of run logs, or a stream.
 * {@link #jobs()} yields the job logs inside, opened lazily and read once.
 */
public final class LogInput {

    private static final byte[] ZIP = { 'P', 'K', 3, 4 };
    private static final byte[] GZIP = { 0x1f, (byte) 0x8b };

    private final String name;
    private final JobSupplier jobs;

    @FunctionalInterface
    private interface JobSupplier {
        List<JobLog> get() throws IOException;
    }

    private LogInput(String name, JobSupplier jobs) {
        this.name = name;
        this.jobs = jobs;
    }

    /** A file or folder; folders and zip files are read as GitHub run-logs archives. */
    public static LogInput of(Path path) {
        String name = path.toString();
        if (Files.isDirectory(path)) {
            return new LogInput(name, () -> RunLogArchive.fromFolder(path));
        }
        return new LogInput(name, () -> {
            if (startsWith(path, ZIP)) {
                return RunLogArchive.fromZip(path);
            }
            return List.of(new JobLog(Optional.empty(), () -> decompressed(Files.newInputStream(path))));
        });
    }

    /** A stream, e.g. standard input or a log downloaded from the API; zip streams are spooled to a temp file. */
    public static LogInput of(String name, InputStream in) {
        return new LogInput(name, () -> {
            BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
            buffered.mark(4);
            byte[] head = buffered.readNBytes(4);
            buffered.reset();
            if (matches(head, ZIP)) {
                Path spool = Files.createTempFile("recovery-log", ".zip");
                spool.toFile().deleteOnExit();
                Files.copy(buffered, spool, StandardCopyOption.REPLACE_EXISTING);
                return RunLogArchive.fromZip(spool);
            }
            return List.of(new JobLog(Optional.empty(), () -> decompressed(buffered)));
        });
    }

    public String name() {
        return name;
    }

    /**
     * The job logs of this input.
     *
     * @throws InvalidInputException when the input cannot be read
     */
    public List<JobLog> jobs() {
        try {
            List<JobLog> found = jobs.get();
            if (found.isEmpty()) {
                throw new InvalidInputException(name + " holds no job logs (expected *.txt files of a run-logs archive)");
            }
            return found;
        } catch (IOException e) {
            throw unreadable(name, e);
        }
    }

    public static InvalidInputException unreadable(String name, IOException e) {
        String reason = e instanceof NoSuchFileException ? "no such file"
                : e instanceof AccessDeniedException ? "permission denied"
                        : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new InvalidInputException("cannot read " + name + ": " + reason, e);
    }

    static InputStream decompressed(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        byte[] head = in.readNBytes(2);
        in.reset();
        return matches(head, GZIP) ? new GZIPInputStream(in, 1 << 16) : in;
    }

    static InputStream concatenated(List<InputStream> parts) {
        return new SequenceInputStream(Collections.enumeration(parts));
    }

    private static boolean startsWith(Path path, byte[] magic) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return matches(in.readNBytes(magic.length), magic);
        }
    }

    private static boolean matches(byte[] head, byte[] magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
