package io.github.recoveryaction.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.recoveryaction.InvalidInputException;
import io.github.recoveryaction.history.RunRecord.FailureRecord;
import io.github.recoveryaction.history.RunRecord.JobRecord;
import io.github.recoveryaction.workspace.FileOwnership;

/**
 * The records of runs already scanned, as one JSON file kept between scans (in {@code actions/cache} or a local
 * folder), so that a daily scan fetches only runs that are new or have a new attempt. The file carries its format's
 * {@link #VERSION}: a file of another format (a cache restored after an upgrade or a downgrade), of another
 * repository, or one that cannot be read counts as empty with a note, and the scan starts over and replaces it.
 */
public final class StatsCache {

    static final int VERSION = 1;
    /** Runs kept at most; the oldest go first. */
    static final int MAX_RUNS = 20_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<Long, RunRecord> runs = new LinkedHashMap<>();

    /** The records of {@code repository} in {@code file}; an absent or unreadable file gives an empty cache. */
    public static StatsCache read(Path file, String repository, List<String> warnings) {
        StatsCache cache = new StatsCache();
        try {
            JsonNode root = JSON.readTree(Files.readString(file));
            if (root.path("version").asInt() != VERSION) {
                warnings.add("The statistics cache " + file + " has format " + root.path("version").asText("?")
                        + (root.hasNonNull("writtenBy") ? " (written by " + root.path("writtenBy").asText() + ")" : "")
                        + "; this version reads format " + VERSION + ", so the scan starts over and replaces it.");
                return cache;
            }
            if (!root.path("repository").asText().equals(repository)) {
                warnings.add("The statistics cache " + file + " is of " + root.path("repository").asText()
                        + ", not " + repository + "; the scan starts over and replaces it.");
                return cache;
            }
            for (JsonNode run : root.path("runs")) {
                RunRecord r = run(run);
                cache.runs.put(r.id(), r);
            }
        } catch (NoSuchFileException e) {
            return cache;
        } catch (IOException | RuntimeException e) {
            warnings.add("The statistics cache " + file + " cannot be read (" + e.getMessage() + "); starting over.");
            cache.runs.clear();
        }
        return cache;
    }

    public static StatsCache empty() {
        return new StatsCache();
    }

    /** The cached record of a run, if it is still current (same latest attempt, same end). */
    public Optional<RunRecord> find(long id, int attempts, Instant updatedAt) {
        return Optional.ofNullable(runs.get(id)).filter(r -> r.attempts() == attempts && r.updatedAt().equals(updatedAt));
    }

    public void put(RunRecord record) {
        runs.put(record.id(), record);
    }

    public int size() {
        return runs.size();
    }

    /**
     * Replaces {@code file} (and creates its folders) for {@code ownership}'s owner, so that the runner's user, and
     * {@code actions/cache} after it, can read, change and delete what a root container wrote.
     *
     * @param writtenBy the program and its version, for the note a later version prints
     */
    public void write(Path file, String repository, String writtenBy, FileOwnership ownership) {
        ObjectNode root = JSON.createObjectNode().put("version", VERSION).put("writtenBy", writtenBy)
                .put("repository", repository);
        ArrayNode array = root.putArray("runs");
        runs.values().stream().sorted(Comparator.comparing(RunRecord::createdAt).reversed()).limit(MAX_RUNS)
                .forEach(r -> array.add(json(r)));
        try {
            if (file.toAbsolutePath().getParent() != null) {
                ownership.createDirectories(file.toAbsolutePath().getParent());
            }
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temp, JSON.writeValueAsString(root));
            ownership.claim(temp);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new InvalidInputException("cannot write the statistics cache " + file + ": "
                    + e.getMessage(), e);
        }
    }

    private static ObjectNode json(RunRecord r) {
        ObjectNode node = JSON.createObjectNode().put("id", r.id()).put("workflow", r.workflow())
                .put("headSha", r.headSha()).put("createdAt", r.createdAt().toString())
                .put("updatedAt", r.updatedAt().toString()).put("attempts", r.attempts())
                .put("conclusion", r.conclusion());
        r.branch().ifPresent(b -> node.put("branch", b));
        ArrayNode jobs = node.putArray("jobs");
        for (JobRecord j : r.jobs()) {
            ObjectNode job = jobs.addObject().put("id", j.id()).put("name", j.name()).put("attempt", j.attempt())
                    .put("conclusion", j.conclusion());
            j.startedAt().ifPresent(t -> job.put("startedAt", t.toString()));
            j.completedAt().ifPresent(t -> job.put("completedAt", t.toString()));
            j.failure().ifPresent(f -> {
                ObjectNode failure = job.putObject("failure").put("failureType", f.failureType()).put("rule", f.rule());
                f.rootCause().ifPresent(c -> failure.put("rootCause", c));
                f.failedTests().forEach(failure.putArray("failedTests")::add);
            });
        }
        return node;
    }

    private static RunRecord run(JsonNode n) {
        List<JobRecord> jobs = new ArrayList<>();
        for (JsonNode j : n.path("jobs")) {
            Optional<FailureRecord> failure = Optional.ofNullable(j.get("failure")).map(f -> {
                List<String> tests = new ArrayList<>();
                f.path("failedTests").forEach(t -> tests.add(t.asText()));
                return new FailureRecord(f.path("failureType").asText(), f.path("rule").asText(),
                        text(f, "rootCause"), tests);
            });
            jobs.add(new JobRecord(j.path("id").asLong(), j.path("name").asText(), j.path("attempt").asInt(1),
                    j.path("conclusion").asText(), text(j, "startedAt").map(StatsCache::instant),
                    text(j, "completedAt").map(StatsCache::instant), failure));
        }
        return new RunRecord(n.path("id").asLong(), n.path("workflow").asText(), text(n, "branch"),
                n.path("headSha").asText(), instant(n.path("createdAt").asText()),
                instant(n.path("updatedAt").asText()), n.path("attempts").asInt(1), n.path("conclusion").asText(),
                jobs);
    }

    private static Optional<String> text(JsonNode node, String field) {
        return Optional.ofNullable(node.get(field)).filter(JsonNode::isTextual).map(JsonNode::asText);
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("bad time '" + text + "'", e);
        }
    }
}
