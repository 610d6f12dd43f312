package io.github.recoveryaction.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.InvalidInputException;
import io.github.recoveryaction.classify.FailureType;

class RerunSelectionTest {

    @Test
    void transientIsTheNetworkAndInfrastructureWithJudgedTimeouts() {
        RerunSelection s = RerunSelection.parse(" Transient ");

        assertThat(s.types()).containsExactlyInAnyOrder(FailureType.NETWORK_ERROR, FailureType.INFRASTRUCTURE_ERROR);
        assertThat(s.judges(FailureType.TIMEOUT)).isTrue();
        assertThat(s.covers(FailureType.TIMEOUT)).isFalse();
        assertThat(s.text()).isEqualTo("transient");
    }

    @Test
    void readsListsAndOff() {
        RerunSelection s = RerunSelection.parse("timeout,network_error\ntest_failure");

        assertThat(s.types()).containsExactlyInAnyOrder(FailureType.TIMEOUT, FailureType.NETWORK_ERROR,
                FailureType.TEST_FAILURE);
        assertThat(s.judges(FailureType.TIMEOUT)).isFalse();
        assertThat(s.text()).isEqualTo("network_error, test_failure, timeout");
        assertThat(RerunSelection.parse("transient, test_failure").text()).isEqualTo("transient, test_failure");
        assertThat(RerunSelection.parse("off").off()).isTrue();
        assertThat(RerunSelection.parse("").off()).isTrue();
    }

    @Test
    void aWrongValueIsNamedWithTheChoices() {
        assertThatThrownBy(() -> RerunSelection.parse("transiant")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("rerun: 'transiant' is not off, transient or a list of failure types (timeout, "
                        + "test_failure, ");
        assertThatThrownBy(() -> RerunSelection.parse("unknown")).hasMessageContaining("no rule decided it");
        assertThatThrownBy(() -> RerunSelection.parse("off, timeout"))
                .hasMessage("rerun: off cannot be combined with failure types, got 'off, timeout'");
    }
}
