package io.github.recoveryaction.classify.rules;

import static io.github.recoveryaction.classify.rules.RuleTestSupport.classify;
import static io.github.recoveryaction.classify.rules.RuleTestSupport.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.FailureType;

class JvmRulesTest {

    private static final Set<String> FILES = Set.of("maven.yaml", "gradle.yaml", "jvm.yaml", "dotnet.yaml");

    @Test
    void everyPatternOfTheJvmAndDotnetFilesHasAPrefilterLiteral() {
        List<String> unfiltered = new ArrayList<>();
        for (Rule rule : RuleLoader.load(Optional.empty()).rules()) {
            if (FILES.contains(rule.origin())) {
                rule.matchers().stream().filter(m -> m.anchor().requiredLiterals().isEmpty())
                        .forEach(m -> unfiltered.add(rule.id() + ": " + m.anchor().source()));
            }
        }
        assertThat(unfiltered).as("patterns that run on every line").isEmpty();
    }

    @Test
    void anOutOfMemoryErrorInATestIsResourceExhaustion() {
        Classification c = fixture("java.out-of-memory", "match-in-tests");

        assertThat(c.failureType()).isEqualTo(FailureType.RESOURCE_EXHAUSTION);
    }

    @Test
    void anOldRuntimeForNewClassesIsAConfigurationError() {
        Classification c = fixture("java.unsupported-class-version", "match-launcher");

        assertThat(c.failureType()).isEqualTo(FailureType.CONFIGURATION_ERROR);
        assertThat(c.rule()).isEqualTo("java.unsupported-class-version");
    }

    @Test
    void aMissingClassAtStartUpIsAConfigurationError() {
        Classification c = fixture("java.main-class-not-found", "match-noclassdef");

        assertThat(c.failureType()).isEqualTo(FailureType.CONFIGURATION_ERROR);
    }

    @Test
    void javadocDoclintErrorsAreAQualityGateNotACompilationError() {
        Classification c = fixture("javadoc.doclint-error", "match-maven");

        assertThat(c.failureType()).isEqualTo(FailureType.QUALITY_GATE_FAILURE);
        assertThat(c.details().locations()).isNotEmpty();
    }

    @Test
    void sbtTestFailuresNameTheSuite() {
        Classification c = fixture("sbt.tests-failed", "match-scalatest");

        assertThat(c.failureType()).isEqualTo(FailureType.TEST_FAILURE);
        assertThat(c.details().failedTests()).contains("com.acme.CartSpec");
    }

    @Test
    void scalaCompileErrorsGiveTheirLocation() {
        Classification c = classify("""
                [error] /w/src/main/scala/A.scala:14:22: type mismatch;
                [error]  found   : String
                [error] (Compile / compileIncremental) Compilation failed
                """);

        assertThat(c.rule()).isEqualTo("sbt.compile-error");
        assertThat(c.details().locations()).first().satisfies(l -> assertThat(l.file()).isEqualTo("/w/src/main/scala/A.scala"));
    }
}
