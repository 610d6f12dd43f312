package io.github.recoveryaction.classify.rules;

import static io.github.recoveryaction.classify.rules.RuleTestSupport.classify;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.FailureType;

class PythonRulesTest {

    @Test
    void missingVersionIsADependencyErrorNamingThePackage() {
        Classification c = classify("""
                ERROR: Could not find a version that satisfies the requirement acme-utils==9.9.9 (from versions: 1.0.0, 1.1.0)
                ERROR: No matching distribution found for acme-utils==9.9.9
                """);
        assertThat(c.failureType()).isEqualTo(FailureType.DEPENDENCY_ERROR);
        assertThat(c.details().dependencies()).containsExactly("acme-utils==9.9.9");
    }

    @Test
    void exhaustedRetriesBeforeNoMatchingDistributionAreANetworkError() {
        Classification c = classify(
                """
                        WARNING: Retrying (Retry(total=1, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f>: Failed to establish a new connection: [Errno 111] Connection refused')': /simple/acme-utils/
                        WARNING: Retrying (Retry(total=0, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f>: Failed to establish a new connection: [Errno 111] Connection refused')': /simple/acme-utils/
                        ERROR: Could not find a version that satisfies the requirement acme-utils==1.1.0 (from versions: none)
                        ERROR: No matching distribution found for acme-utils==1.1.0
                        """);
        assertThat(c.failureType()).isEqualTo(FailureType.NETWORK_ERROR);
        assertThat(c.rule()).isEqualTo("pip.index-unreachable");
        assertThat(c.evidence()).anyMatch(e -> e.text().contains("Retrying (Retry(total=0"));
    }

    @Test
    void aRecoveredRetryDoesNotTurnALaterBuildFailureIntoANetworkError() {
        Classification c = classify(
                """
                        WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'ReadTimeoutError("HTTPSConnectionPool(host='pypi.org', port=443): Read timed out. (read timeout=15)")': /simple/numpy/
                        Collecting numpy==1.24.4
                          error: subprocess-exited-with-error
                          ERROR: Failed building wheel for numpy
                        """);
        assertThat(c.failureType()).isEqualTo(FailureType.DEPENDENCY_ERROR);
        assertThat(c.details().dependencies()).contains("numpy");
    }

    @Test
    void missingSystemLibraryInASourceBuildIsAConfigurationError() {
        Classification c = classify("""
                  error: subprocess-exited-with-error
                      Error: pg_config executable not found.
                  ERROR: Failed building wheel for psycopg2
                """);
        assertThat(c.failureType()).isEqualTo(FailureType.CONFIGURATION_ERROR);
        assertThat(c.rule()).isEqualTo("pip.build-missing-system-prerequisite");
    }

    @Test
    void missingModuleNamesTheModule() {
        Classification c = classify("""
                Traceback (most recent call last):
                  File "/home/runner/work/app/app/scripts/generate.py", line 3, in <module>
                    import yaml
                ModuleNotFoundError: No module named 'yaml'
                """);
        assertThat(c.failureType()).isEqualTo(FailureType.DEPENDENCY_ERROR);
        assertThat(c.details().dependencies()).containsExactly("yaml");
    }

    @Test
    void syntaxErrorGivesFileAndLine() {
        Classification c = classify("""
                  File "/home/runner/work/app/app/app/config.py", line 27
                    def load(path:
                            ^
                SyntaxError: '(' was never closed
                """);
        assertThat(c.failureType()).isEqualTo(FailureType.COMPILATION_ERROR);
        assertThat(c.details().locations()).singleElement().satisfies(l -> {
            assertThat(l.file()).isEqualTo("/home/runner/work/app/app/app/config.py");
            assertThat(l.line()).hasValue(27);
            assertThat(l.message()).isEqualTo("'(' was never closed");
        });
    }

    @Test
    void poetryRunOfAMissingToolNamesTheCommand() {
        Classification c = classify("Command not found: pytest\n");
        assertThat(c.failureType()).isEqualTo(FailureType.CONFIGURATION_ERROR);
        assertThat(c.details().command()).hasValue("pytest");
    }

    @Test
    void lockFilesOutOfDateAreDependencyErrors() {
        assertThat(classify(
                "pyproject.toml changed significantly since poetry.lock was last generated. Run `poetry lock` to fix the lock file.\n")
                .rule()).isEqualTo("poetry.lock-out-of-date");
        assertThat(classify(
                "error: The lockfile at `uv.lock` needs to be updated, but `--locked` was provided. To update the lockfile, run `uv lock`.\n")
                .rule()).isEqualTo("uv.lockfile-out-of-date");
    }

    @Test
    void memoryErrorIsResourceExhaustion() {
        assertThat(classify("Traceback (most recent call last):\n  File \"train.py\", line 4, in <module>\nMemoryError\n")
                .failureType()).isEqualTo(FailureType.RESOURCE_EXHAUSTION);
    }
}
