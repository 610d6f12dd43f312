package io.github.recoveryaction.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.github.recoveryaction.plan.Lane;

/**
 * How the {@code auto} lane is decided: a fixed lane when configured, otherwise docs-only changes give
 * {@code docs} and jobs longer than {@code heavy-after} give {@code heavy}.
 *
 * @param lane the fixed lane; empty means decide automatically
 * @param heavyAfter job duration from which the lane is {@code heavy}
 * @param docsPatterns globs of files that count as documentation
 */
public record LaneConfig(Optional<Lane> lane, Duration heavyAfter, List<String> docsPatterns) {

    /** The keys of this section of {@code .github/recovery.yml}, in the order the docs list them. */
    public static final List<String> KEYS = List.of("lane", "heavy-after", "docs-patterns");

    public static final Duration DEFAULT_HEAVY_AFTER = Duration.ofMinutes(30);
    public static final List<String> DEFAULT_DOCS_PATTERNS = List.of("**/*.md", "**/*.markdown", "**/*.rst",
            "**/*.adoc", "**/*.txt", "docs/**", "doc/**", "**/LICENSE*", "**/CHANGELOG*", "**/AUTHORS*",
            "**/CODEOWNERS", "**/.github/ISSUE_TEMPLATE/**");
    public static final LaneConfig DEFAULT = new LaneConfig(Optional.empty(), DEFAULT_HEAVY_AFTER,
            DEFAULT_DOCS_PATTERNS);

    static LaneConfig parse(ConfigNode node) {
        node.requireOnlyKeys(Set.copyOf(KEYS));
        Optional<Lane> lane = node.findString("lane").filter(text -> !text.equals("auto")).map(text -> Lane.findById(text)
                .orElseThrow(() -> node.error("lane", "must be one of auto, " + Lane.knownIds() + ", got '" + text + "'")));
        List<String> docs = node.stringList("docs-patterns");
        return new LaneConfig(lane, node.findDuration("heavy-after").orElse(DEFAULT_HEAVY_AFTER),
                docs.isEmpty() ? DEFAULT_DOCS_PATTERNS : docs);
    }
}
