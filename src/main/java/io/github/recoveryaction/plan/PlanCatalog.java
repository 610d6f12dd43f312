package io.github.recoveryaction.plan;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.recoveryaction.classify.FailureType;

/** The merged plan knowledge: one template per failure type and the ecosystems' command forms. */
public final class PlanCatalog {

    private final Map<FailureType, PlanTemplate> templates;
    private final List<Ecosystem> ecosystems;

    public PlanCatalog(Map<FailureType, PlanTemplate> templates, List<Ecosystem> ecosystems) {
        this.templates = new EnumMap<>(templates);
        this.ecosystems = List.copyOf(ecosystems);
    }

    /** The template of a failure type; every type has one once the catalog is validated. */
    public PlanTemplate require(FailureType type) {
        PlanTemplate t = templates.get(type);
        if (t == null) {
            throw new PlanValidationException("no plan template for failure type " + type.id());
        }
        return t;
    }

    public List<Ecosystem> ecosystems() {
        return ecosystems;
    }

    /**
     * The ecosystem of a rule: an entry whose id or alias is the whole rule id; else the one named by the rule id's
     * first dotted segment ({@code maven.surefire-failures} → maven); else, for family prefixes such as
     * {@code js-test.vitest-failures}, one named by a hyphen-separated word of the rest (vitest).
     */
    public Optional<Ecosystem> findEcosystem(String ruleId) {
        Optional<Ecosystem> exact = byName(ruleId);
        if (exact.isPresent()) {
            return exact;
        }
        int dot = ruleId.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        return byName(ruleId.substring(0, dot)).or(() -> Arrays.stream(ruleId.substring(dot + 1)
                .split("[.-]")).map(this::byName).flatMap(Optional::stream).findFirst());
    }

    private Optional<Ecosystem> byName(String name) {
        return ecosystems.stream().filter(e -> e.id().equals(name) || e.aliases().contains(name)).findFirst();
    }
}
