package io.github.recoveryaction.classify.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.Classifier;
import io.github.recoveryaction.classify.FailureType;
import io.github.recoveryaction.classify.log.LogInput;

/**
 * Every bundled rule proves itself on fixtures in {@code src/test/resources/rules/<rule-id>/}: each
 * {@code match-*.log} is decided by that rule (evidence-only rules: matched, and the verdict has their type, if they
 * name one), and
 * each {@code no-match-*.log} — a near miss such as "0 errors" — is not matched by it.
 */
class RuleFixturesTest {

    private static final RuleSet BUNDLED = RuleLoader.load(Optional.empty());

    @Test
    void everyBundledRuleHasAPositiveFixture() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Rule rule : BUNDLED.rules()) {
            if (fixtures(rule.id(), "match-").isEmpty()) {
                missing.add(rule.id());
            }
        }
        assertThat(missing).as("rules without src/test/resources/rules/<id>/match-*.log").isEmpty();
    }

    @Test
    void everyFixtureFolderNamesABundledRule() throws Exception {
        try (Stream<Path> dirs = Files.list(root())) {
            List<String> orphans = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString())
                    .filter(id -> !id.equals("compat") && BUNDLED.findRule(id).isEmpty()).toList();
            assertThat(orphans).as("fixture folders without a bundled rule").isEmpty();
        }
    }

    @TestFactory
    Stream<DynamicTest> positiveFixturesAreDecidedByTheirRule() {
        return BUNDLED.rules().stream().flatMap(rule -> fixtures(rule.id(), "match-").stream()
                .map(fixture -> DynamicTest.dynamicTest(rule.id() + "/" + fixture.getFileName(), () -> {
                    assertThat(matchesAlone(rule, fixture)).as("rule %s alone matches %s", rule.id(), fixture).isTrue();
                    Classification c = new Classifier(BUNDLED).classify(LogInput.of(fixture));
                    if (rule.anyType()) {
                        assertThat(c.evidence()).as("evidence on %s", fixture).isNotEmpty();
                    } else if (rule.evidenceOnly() && rule.failureType() == FailureType.UNKNOWN) {
                        // hints for unexplained failures never decide; the generic tier may still read a type
                        assertThat(c.decidedByRule()).as("decided by a rule on %s", fixture).isFalse();
                    } else if (rule.evidenceOnly()) {
                        assertThat(c.failureType()).as("verdict type on %s", fixture).isEqualTo(rule.failureType());
                    } else {
                        assertThat(c.rule()).as("deciding rule on %s", fixture).isEqualTo(rule.id());
                    }
                })));
    }

    @TestFactory
    Stream<DynamicTest> negativeFixturesAreNotMatched() {
        return BUNDLED.rules().stream().flatMap(rule -> fixtures(rule.id(), "no-match-").stream()
                .map(fixture -> DynamicTest.dynamicTest(rule.id() + "/" + fixture.getFileName(),
                        () -> assertThat(matchesAlone(rule, fixture)).as("rule %s matches %s", rule.id(), fixture)
                                .isFalse())));
    }

    /** Whether the rule on its own (made deciding) finds its message in the fixture's failing step. */
    static boolean matchesAlone(Rule rule, Path fixture) {
        Rule deciding = new Rule(rule.id(), rule.title(), rule.failureType(), rule.priority(), rule.confidence(), false,
                false, rule.step(), rule.matchers(), rule.description(), rule.origin());
        return new Classifier(new RuleSet(List.of(deciding))).classify(LogInput.of(fixture)).rule().equals(rule.id());
    }

    static List<Path> fixtures(String ruleId, String prefix) {
        Path dir;
        try {
            dir = root().resolve(ruleId);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path root() throws URISyntaxException {
        return Path.of(RuleFixturesTest.class.getResource("/rules").toURI());
    }
}
