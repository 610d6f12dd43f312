package io.github.recoveryaction.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class RerunSettingsTest {

    @Test
    void readsTheRerunKeysOfTheConfigurationFile() {
        RerunSettings rerun = RepositoryConfigLoader.parse(".github/recovery.yml", """
                rerun: transient
                max-attempts: 2
                rerun-delay: 30s
                rerun-dry-run: true
                rerun-flaky-tests: true
                test-report-artifacts: [junit-*, "*-surefire"]
                """).rerun();

        assertThat(rerun.rerun()).contains(RerunSelection.parse("transient"));
        assertThat(rerun.maxAttempts()).contains(2);
        assertThat(rerun.delay()).contains(Duration.ofSeconds(30));
        assertThat(rerun.dryRun()).contains(true);
        assertThat(rerun.flakyTests()).contains(true);
        assertThat(rerun.testReportArtifacts()).contains(List.of("junit-*", "*-surefire"));
        assertThat(RepositoryConfigLoader.parse("x", "schema-version: 1\n").rerun()).isEqualTo(RerunSettings.NONE);
    }

    @Test
    void badValuesNameTheFileTheKeyAndTheFix() {
        assertThatThrownBy(() -> RepositoryConfigLoader.parse(".github/recovery.yml", "rerun: transiant\n"))
                .hasMessageStartingWith(".github/recovery.yml: rerun 'transiant' is not off, transient or a list of "
                        + "failure types (");
        assertThatThrownBy(() -> RepositoryConfigLoader.parse("f", "max-attempts: 51\n"))
                .hasMessage("f: max-attempts must be between 1 and 50, got 51");
        assertThatThrownBy(() -> RepositoryConfigLoader.parse("f", "rerun-delay: soon\n"))
                .hasMessage("f: rerun-delay must be a duration like 90s, 30m, 2h or 7d, got 'soon'");
    }
}
