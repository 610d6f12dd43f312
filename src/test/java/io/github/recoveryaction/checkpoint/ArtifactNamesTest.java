package io.github.recoveryaction.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArtifactNamesTest {

    @Test
    void namesCarryJobAndAttemptAndParseBack() {
        ArtifactNames names = new ArtifactNames("build (ubuntu, 21)");

        String name = names.name(2, "standard-step3-20261126_101530");

        assertThat(name).isEqualTo("recovery-checkpoint-build--ubuntu--21--a2-standard-step3-20261126_101530")
                .doesNotContain("\"", ":", "<", ">", "|", "*", "?", "\\", "/", " ");
        assertThat(names.parse(name)).contains(new ArtifactNames.Parsed(2, "standard-step3-20261126_101530"));
        assertThat(names.parse("recovery-checkpoint-test-a2-x")).isEmpty();
        assertThat(new ArtifactNames("build").parse(name)).isEmpty();
    }
}
