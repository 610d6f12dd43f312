package io.github.recoveryaction.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.github.recoveryaction.config.YamlSyntaxError;

/**
 * One plan file (bundled or a repository's override): {@code schema-version: 1}, {@code templates} and
 * {@code ecosystems}, each list keyed by {@code id}.
 */
record PlanFile(String name, List<PlanTemplate> templates, List<Ecosystem> ecosystems) {

    static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static PlanFile parse(String name, String text) {
        JsonNode tree;
        try {
            tree = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new PlanValidationException(YamlSyntaxError.describe(name, e), e);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new PlanValidationException(name + ": is empty (expected schema-version: 1 and templates or "
                    + "ecosystems)");
        }
        YamlField root = new YamlField(name, "", tree);
        root.requireOnlyKeys(Set.of("schema-version", "templates", "ecosystems"));
        root.require("schema-version").wholeNumber(SCHEMA_VERSION, SCHEMA_VERSION);
        List<PlanTemplate> templates = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (YamlField entry : root.find("templates").map(YamlField::items).orElse(List.of())) {
            PlanTemplate t = TemplateParser.parse(name, entry);
            if (!seen.add(t.failureType().id())) {
                throw entry.error("repeats template id " + t.failureType().id());
            }
            templates.add(t);
        }
        List<Ecosystem> ecosystems = new ArrayList<>();
        seen.clear();
        for (YamlField entry : root.find("ecosystems").map(YamlField::items).orElse(List.of())) {
            Ecosystem e = EcosystemParser.parse(name, entry);
            if (!seen.add(e.id())) {
                throw entry.error("repeats ecosystem id " + e.id());
            }
            ecosystems.add(e);
        }
        return new PlanFile(name, templates, ecosystems);
    }
}
