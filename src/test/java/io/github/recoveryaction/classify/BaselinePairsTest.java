package io.github.recoveryaction.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.recoveryaction.classify.log.LogInput;

/**
 * The acceptance measure of the baseline: pairs of a passing and a failing log of the same job, made by running the
 * real tools ({@code src/test/resources/baseline/make-pairs.py}). With the passing log as baseline the evidence keeps
 * the root-cause lines, drops what the passing run printed too, and the failure type is right at least as often.
 */
class BaselinePairsTest {

    private static final Path DIR = resources();
    private static final List<Pair> PAIRS = new ArrayList<>();

    record Pair(String name, String failureType, List<String> keyLines, Classification without, Classification with,
            KnownLines baseline) {
    }

    @BeforeAll
    static void classifyEveryPair() throws IOException {
        Classifier classifier = new Classifier(ClassifierTest.RULES);
        for (String line : Files.readAllLines(DIR.resolve("pairs.jsonl"))) {
            JsonNode label = new ObjectMapper().readTree(line);
            String name = label.path("pair").asText();
            Path failing = DIR.resolve(name + "-fail.log");
            KnownLines baseline = KnownLines.read(LogInput.of(DIR.resolve(name + "-pass.log")), name + "-pass.log",
                    Optional.empty());
            List<String> keys = new ArrayList<>();
            label.path("keyLines").forEach(k -> keys.add(k.asText()));
            PAIRS.add(new Pair(name, label.path("failureType").asText(), keys,
                    classifier.classify(LogInput.of(failing)), classifier.classify(LogInput.of(failing), baseline),
                    baseline));
        }
        assertThat(PAIRS).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void evidenceKeepsTheRootCauseLines() {
        for (Pair p : PAIRS) {
            String evidence = p.with().evidence().stream().map(Evidence::text).collect(Collectors.joining("\n"));
            assertThat(p.keyLines()).as(p.name()).allSatisfy(key -> assertThat(evidence).as(p.name()).contains(key));
        }
    }

    @Test
    void evidenceDropsLinesThePassingRunPrintedToo() {
        LineNormalizer normalizer = new LineNormalizer();
        for (Pair p : PAIRS) {
            assertThat(p.with().evidence()).as(p.name()).isNotEmpty().allSatisfy(e -> assertThat(
                    p.baseline().count(normalizer.hash(e.text())))
                    .as(p.name() + ": " + e.text()).isLessThan(occurrences(p.with(), e, normalizer)));
        }
        Pair maven = pair("maven-test");
        assertThat(texts(maven.without())).anyMatch(t -> t.contains("pricesLoadFromWarmCache"));
        assertThat(texts(maven.with())).noneMatch(t -> t.contains("pricesLoadFromWarmCache"));
    }

    @Test
    void typeAccuracyWithTheBaselineIsAtLeastThatWithout() {
        long without = PAIRS.stream().filter(p -> p.without().failureType().id().equals(p.failureType())).count();
        long with = PAIRS.stream().filter(p -> p.with().failureType().id().equals(p.failureType())).count();
        int lines = PAIRS.stream().mapToInt(p -> p.without().evidence().size()).sum();
        int removed = PAIRS.stream().mapToInt(p -> removed(p)).sum();
        System.out.printf(Locale.ROOT, "baseline pairs: %d; type accuracy without baseline %d/%d, with %d/%d; "
                + "evidence lines %d without, %d removed (%.0f %%)%n", PAIRS.size(), without, PAIRS.size(), with,
                PAIRS.size(), lines, removed, 100.0 * removed / lines);
        assertThat(with).isGreaterThanOrEqualTo(without).isEqualTo(PAIRS.size());
        assertThat(removed).isPositive();
    }

    @Test
    void theReportSaysHowManyLinesAreNew() {
        for (Pair p : PAIRS) {
            Novelty n = p.with().novelty().orElseThrow();
            assertThat(n.newLines()).as(p.name()).isPositive().isLessThan(n.lines());
            assertThat(n.sentence()).matches("\\d+ of \\d+ lines are new since the last passing run");
            assertThat(p.without().novelty()).isEmpty();
        }
    }

    private static int removed(Pair p) {
        Set<Long> kept = p.with().evidence().stream().map(Evidence::line).collect(Collectors.toSet());
        return (int) p.without().evidence().stream().filter(e -> !kept.contains(e.line())).count();
    }

    /** How often the line occurs in the failing step up to and including this evidence line. */
    private static int occurrences(Classification c, Evidence e, LineNormalizer normalizer) {
        long hash = normalizer.hash(e.text());
        try {
            List<String> lines = Files.readAllLines(DIR.resolve(c.file().substring(c.file().lastIndexOf('/') + 1)));
            int count = 0;
            for (int i = 0; i < e.line(); i++) {
                String text = lines.get(i).length() > 29 ? lines.get(i).substring(29) : "";
                count += normalizer.hash(text) == hash ? 1 : 0;
            }
            return count;
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static List<String> texts(Classification c) {
        return c.evidence().stream().map(Evidence::text).toList();
    }

    private static Pair pair(String name) {
        return PAIRS.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static Path resources() {
        try {
            return Path.of(BaselinePairsTest.class.getResource("/baseline/pairs.jsonl").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
