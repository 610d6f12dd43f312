package io.github.recoveryaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The README's Inputs and Outputs tables are generated from {@code action.yml}; this test fails when they drift.
 * Regenerate with {@value #REGENERATE}.
 */
class ActionDocsTest {

    static final String REGENERATE = "mvn -q test -Dtest=ActionDocsTest -Dupdate-readme=true";

    private static final Path ACTION = Path.of("action.yml");
    private static final Path README = Path.of("README.md");

    @Test
    void readmeTablesMatchActionYml() throws IOException {
        JsonNode action = new ObjectMapper(new YAMLFactory()).readTree(ACTION.toFile());
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String expected = replace(replace(readme, "inputs", inputsTable(action.path("inputs"))), "outputs",
                outputsTable(action.path("outputs")));
        if (Boolean.getBoolean("update-readme")) {
            Files.writeString(README, expected, StandardCharsets.UTF_8);
            return;
        }
        assertThat(readme).as("README.md tables are out of date with action.yml; regenerate with: " + REGENERATE)
                .isEqualTo(expected);
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

    private static String replace(String readme, String name, String table) {
        String start = "<!-- " + name + ":start (generated from action.yml) -->\n";
        String end = "<!-- " + name + ":end -->";
        int from = readme.indexOf(start);
        int to = readme.indexOf(end);
        assertThat(from).as("README.md needs the markers " + start.strip() + " … " + end).isNotNegative();
        assertThat(to).isGreaterThan(from);
        return readme.substring(0, from + start.length()) + table + readme.substring(to);
    }
}
