package io.github.recoveryaction.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.InvalidInputException;

class HistoryConfigTest {

    @Test
    void readsTheBaselineAndTheStatsDefaults() {
        HistoryConfig history = RepositoryConfigLoader.parse("recovery.yml", """
                history:
                  baseline: off
                  stats: { days: 14, max-requests: 500 }
                """).history();

        assertThat(history.baseline()).contains(BaselineMode.OFF);
        assertThat(history.statsDays()).contains(14);
        assertThat(history.statsMaxRequests()).contains(500);
        assertThat(RepositoryConfig.DEFAULT.history().baseline()).isEqualTo(Optional.empty());
    }

    @Test
    void namesABadValue() {
        assertThatThrownBy(() -> RepositoryConfigLoader.parse("recovery.yml", "history: { baseline: sometimes }"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("baseline must be auto or off, got 'sometimes'");
        assertThatThrownBy(() -> RepositoryConfigLoader.parse("recovery.yml", "history: { stats: { weeks: 2 } }"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("weeks");
    }
}
