package io.github.recoveryaction.config;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code history} section: baselines of reports and the defaults of {@code recovery stats}.
 *
 * @param baseline {@code baseline}: {@code off} switches the comparison with the last passing run off
 * @param statsDays {@code stats.days}: how many days {@code recovery stats} looks back by default
 * @param statsMaxRequests {@code stats.max-requests}: the request budget of one {@code recovery stats} run
 */
public record HistoryConfig(Optional<BaselineMode> baseline, Optional<Integer> statsDays,
        Optional<Integer> statsMaxRequests) {

    /** The keys of {@code history}, {@code stats} standing for its keys {@link #STATS_KEYS}. */
    public static final List<String> KEYS = List.of("baseline", "stats");
    public static final List<String> STATS_KEYS = List.of("days", "max-requests");

    public static final HistoryConfig DEFAULT = new HistoryConfig(Optional.empty(), Optional.empty(), Optional.empty());

    static HistoryConfig parse(ConfigNode node) {
        node.requireOnlyKeys(Set.copyOf(KEYS));
        Optional<ConfigNode> stats = node.findSection("stats");
        stats.ifPresent(s -> s.requireOnlyKeys(Set.copyOf(STATS_KEYS)));
        // YAML 1.1 reads an unquoted off as false
        Optional<BaselineMode> baseline = node.findString("baseline").map(text -> switch (text) {
            case "false" -> BaselineMode.OFF;
            case "true" -> BaselineMode.AUTO;
            default -> BaselineMode.findById(text).orElseThrow(() -> node.error("baseline",
                    "must be auto or off, got '" + text + "'"));
        });
        return new HistoryConfig(baseline,
                stats.flatMap(s -> s.findInt("days", 1, 400)), stats.flatMap(s -> s.findInt("max-requests", 1, 100_000)));
    }
}
