package io.github.recoveryaction.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.github.recoveryaction.GeneratedDocs;
import io.github.recoveryaction.config.RepositoryConfigLoader;
import io.github.recoveryaction.config.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * One public name per input and output, kebab-case and identical everywhere: {@code action.yml}, the README's
 * tables, docs/action.md's inputs per command (generated from the picocli options), {@link Settings} and the
 * options of {@code recovery report} and the commands it delegates to. docs/action.md's list of
 * {@code .github/recovery.yml} keys is generated from {@link RepositoryConfigLoader#KEYS}.
 */
class ActionContractTest {

    /** The commands the action runs, in the order the table lists them. */
    static final List<String> COMMANDS = List.of("report", "checkpoint", "restore", "list", "validate", "cleanup",
            "stats");
    private static final Set<String> CLI_ONLY = Set.of("help", "version", "verbose");
    private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern FIRST_CELL = Pattern.compile("(?m)^\\| `([^`]+)` \\|");
    private static final Path ACTION_DOC = Path.of("docs/action.md");

    private final JsonNode action = read();
    private final CommandLine recovery = new CommandLine(RecoveryCommand.class);

    @Test
    void inputsPerCommandTableMatchesTheOptions() throws IOException {
        GeneratedDocs.check(ACTION_DOC, "inputs per command (from action.yml and the options)", inputsPerCommand());
    }

    @Test
    void recoveryYmlKeysMatchTheLoader() throws IOException {
        GeneratedDocs.check(ACTION_DOC, "recovery.yml keys (from RepositoryConfigLoader)", configKeys());
    }

    @Test
    void everyInputIsReadByACommandAndEveryNameIsKebabCase() {
        Set<String> read = new LinkedHashSet<>(List.of("command"));
        COMMANDS.forEach(c -> read.addAll(inputsOf(c)));
        assertThat(read).containsExactlyInAnyOrderElementsOf(inputs());
        assertThat(inputs()).allMatch(n -> KEBAB.matcher(n).matches());
        assertThat(outputs()).allMatch(n -> KEBAB.matcher(n).matches());
    }

    @Test
    void readmeTablesNameExactlyTheInputsAndOutputs() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        assertThat(firstCells(block(readme, "inputs (from action.yml)"))).containsExactlyElementsOf(inputs());
        assertThat(firstCells(block(readme, "outputs (from action.yml)"))).containsExactlyElementsOf(outputs());
    }

    /** Settings holds the report's resolved inputs: each component is the input of the same kebab-case name. */
    @Test
    void settingsComponentsAreInputs() {
        List<String> components = Arrays.stream(Settings.class.getRecordComponents()).map(RecordComponent::getName)
                .map(ActionContractTest::kebab).toList();
        assertThat(inputs()).containsAll(components);
        assertThat(optionNames("report")).containsAll(components);
    }

    @Test
    void recoveryYmlKeysNamedLikeAnInputAreTheSameSetting() {
        Set<String> shared = RepositoryConfigLoader.KEYS.keySet().stream().filter(inputs()::contains)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        assertThat(shared).contains("rerun", "max-attempts", "rerun-delay", "rerun-dry-run");
        assertThat(shared).allSatisfy(key -> assertThat(optionNames("report")).contains(key));
    }

    private String inputsPerCommand() {
        StringBuilder md = new StringBuilder("| `command` | requires | also reads |\n|---|---|---|\n");
        for (String command : COMMANDS) {
            List<String> required = new ArrayList<>();
            List<String> others = new ArrayList<>();
            for (String input : inputsOf(command)) {
                boolean requires = action.path("inputs").path(input).path("description").asText()
                        .contains("Required by command: " + command);
                (requires ? required : others).add("`" + input + "`");
            }
            md.append("| `").append(command).append('`').append(command.equals("report") ? " (default)" : "")
                    .append(" | ").append(required.isEmpty() ? "—" : String.join(", ", required)).append(" | ")
                    .append(String.join(", ", others)).append(" |\n");
        }
        return md.toString();
    }

    private static String configKeys() {
        StringBuilder md = new StringBuilder("| Key | Keys of its section |\n|---|---|\n");
        RepositoryConfigLoader.KEYS.forEach((key, section) -> md.append("| `").append(key).append("` | ")
                .append(section.stream().map(k -> "`" + k + "`").collect(Collectors.joining(", "))).append(" |\n"));
        return md.toString();
    }

    /** The inputs a command reads, in action.yml's order: its options, and fail-on-error, which report reads for all. */
    private List<String> inputsOf(String command) {
        Set<String> options = new LinkedHashSet<>(optionNames(command));
        options.add("fail-on-error");
        options.remove("command");
        return inputs().stream().filter(options::contains).toList();
    }

    private List<String> optionNames(String command) {
        return recovery.getSubcommands().get(command).getCommandSpec().options().stream().map(OptionSpec::longestName)
                .filter(name -> name.startsWith("--")).map(name -> name.substring(2))
                .filter(name -> !CLI_ONLY.contains(name)).toList();
    }

    private List<String> inputs() {
        List<String> names = new ArrayList<>();
        action.path("inputs").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private List<String> outputs() {
        List<String> names = new ArrayList<>();
        action.path("outputs").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String block(String text, String name) {
        Matcher m = Pattern.compile("<!-- BEGIN GENERATED: " + Pattern.quote(name) + " -->\n(.*?)<!-- END GENERATED",
                Pattern.DOTALL).matcher(text);
        assertThat(m.find()).as(name).isTrue();
        return m.group(1);
    }

    private static List<String> firstCells(String table) {
        List<String> cells = new ArrayList<>();
        Matcher m = FIRST_CELL.matcher(table);
        while (m.find()) {
            cells.add(m.group(1));
        }
        return cells;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Path.of("action.yml").toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
