package io.github.recoveryaction.classify.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.recoveryaction.InvalidInputException;
import io.github.recoveryaction.classify.FailureType;

class RuleLoaderTest {

    @TempDir
    Path dir;

    private Path file(String yaml) throws IOException {
        Path f = dir.resolve("recovery-rules.yml");
        Files.writeString(f, yaml);
        return f;
    }

    private static final String HEAD = "schema-version: 1\nrules:\n";

    @Test
    void overridesAddReplaceAndDisableBundledRulesById() throws IOException {
        Path f = file("""
                schema-version: 1
                disable: [git.identity]
                rules:
                  - id: acme.flaky-db
                    title: The shared test database was down.
                    failure-type: infrastructure_error
                    match:
                      - line: 'acme-db-01 is unavailable'
                  - id: git.merge-conflict
                    title: Ours now.
                    failure-type: git_error
                    match:
                      - line: 'CONFLICT'
                """);

        RuleSet rules = RuleLoader.load(Optional.of(f));

        assertThat(rules.findRule("acme.flaky-db")).get().satisfies(r -> {
            assertThat(r.failureType()).isEqualTo(FailureType.INFRASTRUCTURE_ERROR);
            assertThat(r.priority()).isEqualTo(900);
            assertThat(r.origin()).isEqualTo(f.toString());
        });
        assertThat(rules.findRule("git.merge-conflict")).get().extracting(Rule::title).isEqualTo("Ours now.");
        assertThat(rules.findRule("git.identity")).isEmpty();
    }

    @Test
    void theWorkspaceConventionFileIsUsedWhenPresent() throws IOException {
        Files.createDirectories(dir.resolve(".github"));
        Files.writeString(dir.resolve(".github/recovery-rules.yml"), "schema-version: 1\ndisable: [git.lfs]\n");

        assertThat(RuleLoader.loadForWorkspace(dir, Optional.empty(), Optional.empty()).findRule("git.lfs")).isEmpty();
        assertThat(RuleLoader.loadForWorkspace(dir.resolve("elsewhere"), Optional.empty(), Optional.empty())
                .findRule("git.lfs")).isPresent();
    }

    @Test
    void theConfiguredRulesFileWinsOverTheConventionAndAnExplicitFileOverBoth() throws IOException {
        Files.createDirectories(dir.resolve(".github"));
        Files.writeString(dir.resolve(".github/recovery-rules.yml"), "schema-version: 1\ndisable: [git.lfs]\n");
        Files.writeString(dir.resolve("ci-rules.yml"), "schema-version: 1\ndisable: [git.identity]\n");
        Path explicit = file("schema-version: 1\ndisable: [git.submodule]\n");

        RuleSet configured = RuleLoader.loadForWorkspace(dir, Optional.empty(), Optional.of("ci-rules.yml"));
        assertThat(configured.findRule("git.identity")).isEmpty();
        assertThat(configured.findRule("git.lfs")).isPresent();
        RuleSet chosen = RuleLoader.loadForWorkspace(dir, Optional.of(explicit), Optional.of("ci-rules.yml"));
        assertThat(chosen.findRule("git.submodule")).isEmpty();
        assertThat(chosen.findRule("git.identity")).isPresent();
    }

    @Test
    void rejectsAnUnknownFieldNamingFileRuleAndField() throws IOException {
        Path f = file(HEAD
                + "  - id: acme.x\n    title: t\n    failure-type: timeout\n    priorty: 5\n    match:\n      - line: 'x'\n");

        assertThatThrownBy(() -> RuleLoader.validate(f)).isInstanceOf(RuleValidationException.class)
                .hasMessageStartingWith(f + ": rule acme.x: priorty is not a known field");
    }

    @Test
    void rejectsAnUnknownFailureTypeListingTheIds() throws IOException {
        Path f = file(HEAD + "  - id: acme.x\n    title: t\n    failure-type: flaky\n    match:\n      - line: 'x'\n");

        assertThatThrownBy(() -> RuleLoader.validate(f))
                .hasMessage(f + ": rule acme.x: failure-type 'flaky' is not one of " + FailureType.knownIds()
                        + " (or any, for evidence-only rules)");
    }

    @Test
    void rejectsAnInvalidRegularExpression() throws IOException {
        Path f = file(
                HEAD + "  - id: acme.x\n    title: t\n    failure-type: timeout\n    match:\n      - line: '(unclosed'\n");

        assertThatThrownBy(() -> RuleLoader.validate(f))
                .hasMessageStartingWith(f + ": rule acme.x: match[0].line is not a valid regular expression");
    }

    @Test
    void rejectsACaptureGroupOutsideTheVocabulary() throws IOException {
        Path f = file(
                HEAD + "  - id: acme.x\n    title: t\n    failure-type: timeout\n    match:\n      - line: '(?<tset>x)'\n");

        assertThatThrownBy(() -> RuleLoader.validate(f)).hasMessageContaining("capture group 'tset'");
    }

    @Test
    void rejectsMatchersWithBothOrNeitherKind() throws IOException {
        Path f = file(HEAD + "  - id: acme.x\n    title: t\n    failure-type: timeout\n    match:\n      - unless: 'x'\n");

        assertThatThrownBy(() -> RuleLoader.validate(f))
                .hasMessage(f + ": rule acme.x: match[0] must have exactly one of 'line' or 'window'");
    }

    @Test
    void rejectsBadIdsDuplicatesAndDisablingUnknownRules() throws IOException {
        Path badId = file(HEAD + "  - id: MyRule\n    title: t\n    failure-type: timeout\n    match:\n      - line: 'x'\n");
        assertThatThrownBy(() -> RuleLoader.validate(badId))
                .hasMessageContaining("rule MyRule: id must be lowercase and dotted");

        Path twice = file(
                HEAD + ("  - id: acme.x\n    title: t\n    failure-type: timeout\n    match:\n      - line: 'x'\n").repeat(2));
        assertThatThrownBy(() -> RuleLoader.validate(twice)).hasMessageContaining("rule acme.x: id is defined twice");

        Path disable = file("schema-version: 1\ndisable: [no.such-rule]\n");
        assertThatThrownBy(() -> RuleLoader.validate(disable))
                .hasMessageContaining("rule no.such-rule: disable names no known rule");
    }

    @Test
    void rejectsWrongSchemaVersionsAndBrokenYaml() throws IOException {
        assertThatThrownBy(() -> RuleLoader.validate(file("schema-version: 2\nrules: []\n")))
                .hasMessageContaining("schema-version must be 1");
        assertThatThrownBy(() -> RuleLoader.validate(file("rules: [\n  - id: x")))
                .isInstanceOf(RuleValidationException.class).hasMessageContaining("is not valid YAML at line 2, column 3: ")
                .hasMessageContaining("(while parsing a flow node); fix the file's syntax")
                .hasMessageNotContaining("\n").hasMessageNotContaining("^");
    }

    @Test
    void aMissingRuleFileIsAUsageError() {
        assertThatThrownBy(() -> RuleLoader.load(Optional.of(dir.resolve("none.yml"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("rule file " + dir.resolve("none.yml") + " does not exist");
    }

    @Test
    void windowMatchersParseWithTheirDefaults() throws IOException {
        Path f = file(HEAD + "  - id: acme.x\n    title: t\n    failure-type: timeout\n    match:\n"
                + "      - window:\n          first: 'begin'\n          then: ['end']\n");

        Rule rule = RuleLoader.validate(f).get(0);

        assertThat(rule.matchers()).singleElement().isInstanceOfSatisfying(Matcher.Window.class,
                w -> assertThat(w.within()).isEqualTo(RuleFileParser.DEFAULT_WITHIN));
    }
}
