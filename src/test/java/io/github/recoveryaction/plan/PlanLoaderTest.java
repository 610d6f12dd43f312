package io.github.recoveryaction.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.recoveryaction.InvalidInputException;
import io.github.recoveryaction.classify.FailureType;

class PlanLoaderTest {

    private static final String MINIMAL = """
            schema-version: 1
            templates:
              - id: timeout
                actions:
                  - strategy: retry
                    recommended: true
                    description: "Run it again, it is {{lane}}."
                    commands: ["make again"]
                    estimated-minutes: 1
                escalation:
                  description: "Call the owner."
            """;

    @TempDir
    Path dir;

    @Test
    void bundledCatalogHasATemplateForEveryFailureType() {
        PlanCatalog catalog = PlanLoader.bundledCatalog();
        for (FailureType type : FailureType.values()) {
            assertThat(catalog.require(type).origin()).isEqualTo("plans/" + type.id() + ".yaml");
        }
        assertThat(catalog.ecosystems()).extracting(Ecosystem::id).contains("maven", "gradle", "pytest", "jest",
                "vitest", "go", "cargo", "dotnet");
    }

    @Test
    void overrideReplacesTheTemplateWithTheSameIdAndKeepsTheOthers() throws IOException {
        Path file = write(MINIMAL);
        PlanCatalog catalog = PlanLoader.load(Optional.of(file));
        RecoveryPlan plan = new Planner(catalog).plan(PlanInput.of(FailureType.TIMEOUT), Lane.HEAVY);
        assertThat(plan.actions()).singleElement().satisfies(a -> {
            assertThat(a.description()).isEqualTo("Run it again, it is heavy.");
            assertThat(a.commands()).containsExactly("make again");
        });
        assertThat(catalog.require(FailureType.TIMEOUT).origin()).isEqualTo(file.toString());
        assertThat(catalog.require(FailureType.GIT_ERROR).origin()).isEqualTo("plans/git_error.yaml");
    }

    @Test
    void overrideEcosystemReplacesBundledOne() throws IOException {
        Path file = write("""
                schema-version: 1
                ecosystems:
                  - id: maven
                    rerun-tests: {command: "./mvnw -q test -Dtest={{tests}}", join: ",", quote: joined}
                """);
        PlanCatalog catalog = PlanLoader.load(Optional.of(file));
        RecoveryPlan plan = new Planner(catalog).plan(PlanInput.of(Classifications.of(FailureType.TEST_FAILURE,
                "maven.surefire", Classifications.tests("FooTest")), Optional.empty()), Lane.STANDARD);
        assertThat(plan.actions().getFirst().commands()).first().isEqualTo("./mvnw -q test -Dtest=FooTest");
    }

    @Test
    void errorsNameFileTemplateAndFieldInOneLine() throws IOException {
        Path file = write(MINIMAL.replace("strategy: retry", "strategy: reboot"));
        assertThatThrownBy(() -> PlanLoader.load(Optional.of(file))).isInstanceOf(PlanValidationException.class)
                .hasMessage(file + ": template timeout: actions[0].strategy must be one of retry, resume, skip, "
                        + "rollback, manual, got 'reboot'");
    }

    @Test
    void rejectsUnknownKeysUnknownPlaceholdersAndBadValues() {
        List<String[]> cases = List.of(
                new String[] { "estimated-minutes: 1", "estimated-minutes: 1\n        timeout: 5",
                        "template timeout: actions[0].timeout is not a known key" },
                new String[] { "{{lane}}", "{{lanes}}", "names unknown placeholder {{lanes}}" },
                new String[] { "{{lane}}", "{{ lane }}", "has a malformed placeholder" },
                new String[] { "{{lane}}", "{{step}}", "must put {{step}} inside backticks" },
                new String[] { "estimated-minutes: 1", "estimated-minutes: soon", "estimated-minutes must be a whole" },
                new String[] { "estimated-minutes: 1", "estimated-minutes: {docs: 1}", "has no value for lane standard" },
                new String[] { "id: timeout", "id: slow", "must be a failure type id" },
                new String[] { "schema-version: 1", "schema-version: 2", "schema-version must be a whole number between 1" },
                new String[] { "\"Run it again, it is {{lane}}.\"", "\"Re-run `{{step}}`.\"", "needs a last fallback" });
        for (String[] c : cases) {
            String text = MINIMAL.replace(c[0], c[1]);
            assertThatThrownBy(() -> PlanFile.parse("override.yml", text)).as(c[1])
                    .isInstanceOf(PlanValidationException.class).hasMessageContaining(c[2])
                    .hasMessageStartingWith("override.yml: ").message().doesNotContain("\n");
        }
    }

    @Test
    void missingOverrideFileIsAUsageError() {
        assertThatThrownBy(() -> PlanLoader.load(Optional.of(dir.resolve("nope.yml"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("nope.yml does not exist");
    }

    @Test
    void invalidYamlNamesTheLine() {
        assertThatThrownBy(() -> PlanFile.parse("x.yml", "schema-version: 1\ntemplates: [\n")).hasMessageStartingWith(
                "x.yml: not valid YAML at line 3").hasMessageNotContaining("\n");
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("recovery-plans.yml");
        Files.writeString(file, text);
        return file;
    }
}
