package io.github.recoveryaction.rerun;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The repository's memory of flaky tests: each test recovery-action saw fail and then pass on a re-run, with when
 * and how often. Entries not seen for {@link #MEMORY} are forgotten and at most {@link #MAX_TESTS} are kept, so the
 * file stays small; it lives as a workflow artifact ({@link ArtifactLedgerStore}).
 */
public final class FlakyTestLedger {

    public static final Duration MEMORY = Duration.ofDays(30);
    static final int MAX_TESTS = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One flaky test: when it was last found flaky, in which run, and how many times in all. */
    public record Entry(String test, Instant lastSeen, long lastRun, int count) {
    }

    public static final FlakyTestLedger EMPTY = new FlakyTestLedger(List.of());

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private FlakyTestLedger(List<Entry> entries) {
        entries.forEach(e -> this.entries.put(e.test(), e));
    }

    /** Reads the JSON form; entries that cannot be read are skipped (the ledger is a hint, never a verdict). */
    public static FlakyTestLedger read(InputStream json) throws IOException {
        JsonNode root = JSON.readTree(json);
        List<Entry> entries = new ArrayList<>();
        for (JsonNode node : root.path("tests")) {
            String test = node.path("test").asText("");
            try {
                if (!test.isBlank()) {
                    entries.add(new Entry(test, Instant.parse(node.path("lastSeen").asText()),
                            node.path("lastRun").asLong(), Math.max(1, node.path("count").asInt(1))));
                }
            } catch (DateTimeParseException e) {
                // an entry without a valid date cannot expire, so it is dropped
            }
        }
        return new FlakyTestLedger(entries);
    }

    public Set<String> tests() {
        return Set.copyOf(entries.keySet());
    }

    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** This ledger with {@code flaky} recorded as seen in {@code runId} at {@code now}, and old entries dropped. */
    public FlakyTestLedger record(List<String> flaky, long runId, Instant now) {
        Map<String, Entry> merged = new LinkedHashMap<>(entries);
        for (String test : flaky) {
            Entry old = merged.get(test);
            merged.put(test, new Entry(test, now, runId, old == null ? 1 : old.count() + (old.lastRun() == runId ? 0 : 1)));
        }
        List<Entry> kept = merged.values().stream()
                .filter(e -> Duration.between(e.lastSeen(), now).compareTo(MEMORY) <= 0)
                .sorted(Comparator.comparing(Entry::lastSeen).reversed().thenComparing(Entry::test))
                .limit(MAX_TESTS).collect(Collectors.toCollection(ArrayList::new));
        return new FlakyTestLedger(kept);
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode().put("schemaVersion", 1);
        var tests = root.putArray("tests");
        entries.values().forEach(e -> tests.addObject().put("test", e.test()).put("lastSeen", e.lastSeen().toString())
                .put("lastRun", e.lastRun()).put("count", e.count()));
        return root.toPrettyString();
    }
}
