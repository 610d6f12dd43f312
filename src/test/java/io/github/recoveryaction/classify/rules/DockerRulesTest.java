package io.github.recoveryaction.classify.rules;

import static io.github.recoveryaction.classify.rules.RuleTestSupport.classify;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.FailureType;

class DockerRulesTest {

    private static final String WRAPPER = "ERROR: failed to solve: process \"/bin/sh -c make -j4\" did not complete successfully: exit code: 2";

    @Test
    void theRunStepOutputDecidesAndTheWrapperJoinsTheEvidence() {
        Classification c = classify("""
                #9 [build 4/6] RUN make -j4
                #9 0.412 src/main.c:12:5: error: implicit declaration of function ‘parse_args’
                #9 0.512 make: *** [<builtin>: src/main.o] Error 1
                #9 ERROR: process "/bin/sh -c make -j4" did not complete successfully: exit code: 2
                %s
                """.formatted(WRAPPER));
        assertThat(c.failureType()).isEqualTo(FailureType.COMPILATION_ERROR);
        assertThat(c.rule()).isEqualTo("gcc.compile-error");
        assertThat(c.evidence()).anyMatch(e -> e.text().equals(WRAPPER));
    }

    @Test
    void theWrapperAloneStaysUnknownWithItsExitCode() {
        Classification c = classify("#9 0.2 verifying\n" + WRAPPER + "\n");
        assertThat(c.failureType()).isEqualTo(FailureType.UNKNOWN);
        assertThat(c.evidence()).anyMatch(e -> e.text().equals(WRAPPER));
    }

    @Test
    void missingTagIsADependencyErrorNamingTheImage() {
        Classification c = classify("ERROR: failed to solve: node:25.9-alpine: failed to resolve source metadata for "
                + "docker.io/library/node:25.9-alpine: docker.io/library/node:25.9-alpine: not found\n");
        assertThat(c.failureType()).isEqualTo(FailureType.DEPENDENCY_ERROR);
        assertThat(c.details().dependencies()).contains("docker.io/library/node:25.9-alpine");
    }

    @Test
    void pullAccessDeniedAndPushDeniedArePermissionErrors() {
        assertThat(classify(
                "docker: Error response from daemon: pull access denied for acme/tools, repository does not exist or may require 'docker login': denied: requested access to the resource is denied.\n")
                .failureType()).isEqualTo(FailureType.PERMISSION_ERROR);
        assertThat(classify("denied: requested access to the resource is denied\n").failureType())
                .isEqualTo(FailureType.PERMISSION_ERROR);
    }

    @Test
    void fileMissingFromTheBuildContextIsAConfigurationError() {
        Classification c = classify("ERROR: failed to solve: failed to compute cache key: failed to calculate checksum of ref "
                + "0c1d::ab: \"/pnpm-lock.yaml\": not found\n");
        assertThat(c.rule()).isEqualTo("docker.build-context-missing");
        assertThat(c.details().locations()).singleElement().satisfies(l -> assertThat(l.file()).isEqualTo("/pnpm-lock.yaml"));
    }

    @Test
    void dockerfileParseErrorGivesTheLine() {
        Classification c = classify(
                "ERROR: failed to solve: dockerfile parse error on line 7: unknown instruction: RUNN (did you mean RUN?)\n");
        assertThat(c.failureType()).isEqualTo(FailureType.CONFIGURATION_ERROR);
        assertThat(c.rule()).isEqualTo("docker.dockerfile-invalid");
    }

    @Test
    void registryTimeoutIsANetworkError() {
        Classification c = classify(
                "Error response from daemon: Get \"https://registry-1.docker.io/v2/\": net/http: TLS handshake timeout\n");
        assertThat(c.failureType()).isEqualTo(FailureType.NETWORK_ERROR);
        assertThat(c.rule()).isEqualTo("docker.registry-network");
    }

    @Test
    void unhealthyComposeDependencyIsInfrastructureButTestVerdictsWin() {
        assertThat(classify("dependency failed to start: container app-db-1 is unhealthy\n").failureType())
                .isEqualTo(FailureType.INFRASTRUCTURE_ERROR);
        assertThat(classify("container app-db-1 is unhealthy\n12 examples, 2 failures\n").failureType())
                .isEqualTo(FailureType.TEST_FAILURE);
    }
}
