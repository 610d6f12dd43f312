package io.github.recoveryaction;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The README's Inputs and Outputs tables are generated from {@code action.yml}; this test fails when they drift
 * (see {@link GeneratedDocs}).
 */
class ActionDocsTest {

    private static final Path ACTION = Path.of("action.yml");
    private static final Path README = Path.of("README.md");

    @Test
    void readmeTablesMatchActionYml() throws IOException {
        JsonNode action = new ObjectMapper(new YAMLFactory()).readTree(ACTION.toFile());
        GeneratedDocs.check(README, "inputs (from action.yml)", inputsTable(action.path("inputs")));
        GeneratedDocs.check(README, "outputs (from action.yml)", outputsTable(action.path("outputs")));
    }

    static String inputsTable(JsonNode inputs) {
        StringBuilder md = new StringBuilder("| Input | Description | Default |\n|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = inputs.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> input = it.next();
            String def = input.getValue().path("default").asText("");
            md.append("| `").append(input.getKey()).append("` | ").append(cell(input.getValue().path("description")))
                    .append(" | ").append(def.isEmpty() ? "" : "`" + def + "`").append(" |\n");
        }
        return md.toString();
    }

    static String outputsTable(JsonNode outputs) {
        StringBuilder md = new StringBuilder("| Output | Description |\n|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = outputs.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> output = it.next();
            md.append("| `").append(output.getKey()).append("` | ").append(cell(output.getValue().path("description")))
                    .append(" |\n");
        }
        return md.toString();
    }

    private static String cell(JsonNode description) {
        return description.asText("").strip().replace("\n", " ").replace("|", "\\|");
    }
}
