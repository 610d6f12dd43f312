package io.github.recoveryaction.classify;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The twelve failure types of the taxonomy ({@code spec/failure-taxonomy.md}). The {@link #id()} is public
 * interface: CLI options, JSON, action outputs and rule files spell it exactly so.
 */
public enum FailureType {
    TIMEOUT("timeout", Tier.PLATFORM, true),
    TEST_FAILURE("test_failure", Tier.TOOL_VERDICT, true),
    QUALITY_GATE_FAILURE("quality_gate_failure", Tier.TOOL_VERDICT, true),
    RESOURCE_EXHAUSTION("resource_exhaustion", Tier.PLATFORM, true),
    NETWORK_ERROR("network_error", Tier.ENVIRONMENT, true),
    GIT_ERROR("git_error", Tier.TOOL_VERDICT, true),
    COMPILATION_ERROR("compilation_error", Tier.TOOL_VERDICT, false),
    DEPENDENCY_ERROR("dependency_error", Tier.TOOL_VERDICT, false),
    PERMISSION_ERROR("permission_error", Tier.ENVIRONMENT, false),
    INFRASTRUCTURE_ERROR("infrastructure_error", Tier.PLATFORM, false),
    CONFIGURATION_ERROR("configuration_error", Tier.TOOL_VERDICT, false),
    UNKNOWN("unknown", Tier.NONE, true);

    /** Precedence tiers of the taxonomy: a higher tier's root cause wins over a lower one's. */
    public enum Tier {
        NONE,
        TOOL_VERDICT,
        ENVIRONMENT,
        PLATFORM
    }

    private final String id;
    private final Tier tier;
    private final boolean classic;

    FailureType(String id, Tier tier, boolean classic) {
        this.id = id;
        this.tier = tier;
        this.classic = classic;
    }

    public String id() {
        return id;
    }

    public Tier tier() {
        return tier;
    }

    /** True for the seven types of the classic framework, whose strategies follow its matrix exactly. */
    public boolean classic() {
        return classic;
    }

    public static Optional<FailureType> findById(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }

    public static String knownIds() {
        return Arrays.stream(values()).map(FailureType::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
