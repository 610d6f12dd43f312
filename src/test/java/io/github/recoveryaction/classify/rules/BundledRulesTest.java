package io.github.recoveryaction.classify.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.classify.FailureType;

class BundledRulesTest {

    @Test
    void everyBundledFileLoadsAndIsListedInTheIndex() throws IOException, URISyntaxException {
        Path folder = Path.of(RuleLoader.class.getResource("/rules/index.yaml").toURI()).getParent();
        try (Stream<Path> files = Files.list(folder)) {
            List<String> present = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .filter(n -> !n.equals("index.yaml")).sorted().toList();
            assertThat(RuleLoader.bundledFiles()).containsExactlyInAnyOrderElementsOf(present);
        }
        assertThat(RuleLoader.load(Optional.empty()).rules()).isNotEmpty();
    }

    @Test
    void everyFailureTypeButUnknownHasADecidingRule() {
        List<FailureType> covered = RuleLoader.load(Optional.empty()).rules().stream().filter(r -> !r.evidenceOnly())
                .map(Rule::failureType).distinct().toList();
        assertThat(covered).containsAll(Stream.of(FailureType.values()).filter(t -> t != FailureType.UNKNOWN).toList());
    }

    @Test
    void ruleIdsStartWithTheirEcosystem() {
        assertThat(RuleLoader.load(Optional.empty()).rules())
                .allSatisfy(r -> assertThat(r.id()).matches("[a-z0-9-]+\\.[a-z0-9.-]+"));
    }
}
