package io.github.recoveryaction.classify.log;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The layout of a GitHub run-logs archive ({@code GET /actions/runs/{id}/logs}), as a zip or unpacked: top-level
 * {@code <n>_<job>.txt} files hold whole job logs; folders {@code <job>/} hold {@code <n>_<step>.txt} files per
 * step. Job files are preferred; a job that only has step files is read as its steps in order.
 */
final class RunLogArchive {

    private static final Pattern NUMBERED = Pattern.compile("(-?\\d+)_(.*)\\.txt");
    private static final byte[] NEWLINE = { '\n' };

    /** A file of the archive: its folder ("" at top level), ordinal, name without ordinal, and how to open it. */
    private record Part(String folder, long ordinal, String name, JobLog.Opener opener) {
    }

    private RunLogArchive() {
    }

    static List<JobLog> fromZip(Path zip) throws IOException {
        List<Part> parts = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : Collections.list(file.entries())) {
                if (!entry.isDirectory()) {
                    part(entry.getName(), () -> {
                        ZipFile z = new ZipFile(zip.toFile());
                        return new FilterInputStream(z.getInputStream(z.getEntry(entry.getName()))) {
                            @Override
                            public void close() throws IOException {
                                super.close();
                                z.close();
                            }
                        };
                    }).ifPresent(parts::add);
                }
            }
        }
        return jobs(parts);
    }

    static List<JobLog> fromFolder(Path folder) throws IOException {
        List<Part> parts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder, 2)) {
            files.filter(Files::isRegularFile).forEach(p -> part(folder.relativize(p).toString().replace('\\', '/'),
                    () -> Files.newInputStream(p)).ifPresent(parts::add));
        }
        return jobs(parts);
    }

    private static Optional<Part> part(String path, JobLog.Opener opener) {
        int slash = path.lastIndexOf('/');
        String folder = slash < 0 ? "" : path.substring(0, slash);
        if (folder.contains("/")) {
            return Optional.empty();
        }
        Matcher m = NUMBERED.matcher(path.substring(slash + 1));
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Part(folder, Long.parseLong(m.group(1)), m.group(2), opener));
    }

    private static List<JobLog> jobs(List<Part> parts) {
        Comparator<Part> byOrdinal = Comparator.comparingLong(Part::ordinal);
        List<JobLog> jobs = new ArrayList<>();
        parts.stream().filter(p -> p.folder().isEmpty()).sorted(byOrdinal)
                .forEach(p -> jobs.add(new JobLog(Optional.of(p.name()), p.opener())));
        if (!jobs.isEmpty()) {
            return jobs;
        }
        Map<String, List<Part>> steps = new TreeMap<>();
        parts.forEach(p -> steps.computeIfAbsent(p.folder(), f -> new ArrayList<>()).add(p));
        steps.forEach((job, files) -> {
            List<Part> ordered = files.stream().sorted(byOrdinal).toList();
            jobs.add(new JobLog(Optional.of(job), () -> {
                List<InputStream> streams = new ArrayList<>();
                for (Part p : ordered) {
                    streams.add(p.opener().open());
                    streams.add(new ByteArrayInputStream(NEWLINE));
                }
                return LogInput.concatenated(streams);
            }));
        });
        return jobs;
    }
}
