package io.github.recoveryaction.rerun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class FlakyTestLedgerTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private static FlakyTestLedger roundTrip(FlakyTestLedger ledger) throws IOException {
        return FlakyTestLedger.read(new ByteArrayInputStream(ledger.toJson().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void countsRunsAndSurvivesItsJsonForm() throws IOException {
        FlakyTestLedger ledger = FlakyTestLedger.EMPTY.record(List.of("a.T.x", "a.T.y"), 1, NOW.minusSeconds(60))
                .record(List.of("a.T.x"), 2, NOW).record(List.of("a.T.x"), 2, NOW);

        FlakyTestLedger read = roundTrip(ledger);

        assertThat(read.tests()).containsExactlyInAnyOrder("a.T.x", "a.T.y");
        assertThat(read.entries().get(0)).isEqualTo(new FlakyTestLedger.Entry("a.T.x", NOW, 2, 2));
    }

    @Test
    void forgetsTestsNotSeenForThirtyDays() {
        FlakyTestLedger ledger = FlakyTestLedger.EMPTY.record(List.of("old"), 1, NOW.minus(Duration.ofDays(31)))
                .record(List.of("new"), 2, NOW);

        assertThat(ledger.tests()).containsExactly("new");
    }

    @Test
    void unreadableEntriesAreDropped() throws IOException {
        String json = "{\"tests\":[{\"test\":\"a\",\"lastSeen\":\"yesterday\"},{\"test\":\"b\",\"lastSeen\":\""
                + NOW + "\",\"lastRun\":3}]}";

        assertThat(FlakyTestLedger.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))).tests())
                .containsExactly("b");
    }
}
