package io.github.recoveryaction.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.github.recoveryaction.InvalidInputException;

/** Reads {@code .github/recovery.yml}; strict about keys and values so that typos fail loudly. */
public final class RepositoryConfigLoader {

    /**
     * Every key of the file, in the order the docs list them: a top-level key and the keys of its section (empty for
     * a plain value); {@code history}'s {@code stats} is listed as {@code stats.days} and {@code stats.max-requests}.
     */
    public static final Map<String, List<String>> KEYS = keys();

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private RepositoryConfigLoader() {
    }

    /** The workspace's configuration file, or the defaults when it does not exist. */
    public static RepositoryConfig loadFromWorkspace(Path workspace) {
        Path file = workspace.resolve(RepositoryConfig.DEFAULT_PATH);
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            // a folder of that name is a mistake to report, not a reason to ignore the configuration silently
            throw new InvalidInputException("configuration file " + file + " is not a file; make "
                    + RepositoryConfig.DEFAULT_PATH + " a YAML file");
        }
        return Files.isRegularFile(file) ? load(file) : RepositoryConfig.DEFAULT;
    }

    public static RepositoryConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("configuration file " + file + " does not exist");
        } catch (IOException e) {
            throw new InvalidInputException("cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
        return parse(file.toString(), text);
    }

    private static Map<String, List<String>> keys() {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        Stream.of("schema-version", "rules-file", "plans-file").forEach(k -> keys.put(k, List.of()));
        keys.put("lanes", LaneConfig.KEYS);
        keys.put("report", ReportConfig.KEYS);
        keys.put("checkpoints", CheckpointConfig.KEYS);
        keys.put("cleanup", CleanupConfig.KEYS);
        RerunSettings.KEYS.forEach(k -> keys.put(k, List.of()));
        keys.put("history", Stream.concat(Stream.of("baseline"), HistoryConfig.STATS_KEYS.stream().map(k -> "stats." + k))
                .toList());
        return Collections.unmodifiableMap(keys);
    }

    public static RepositoryConfig parse(String name, String text) {
        JsonNode tree;
        try {
            tree = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(YamlSyntaxError.describe(name, e), e);
        }
        ConfigNode root = new ConfigNode(name, "", tree);
        root.requireOnlyKeys(Set.copyOf(KEYS.keySet()));
        root.findInt("schema-version", 1, 1);
        return new RepositoryConfig(
                root.findString("rules-file"),
                root.findString("plans-file"),
                root.findSection("lanes").map(LaneConfig::parse).orElse(LaneConfig.DEFAULT),
                root.findSection("report").map(ReportConfig::parse).orElse(ReportConfig.DEFAULT),
                root.findSection("checkpoints").map(CheckpointConfig::parse).orElse(CheckpointConfig.DEFAULT),
                root.findSection("cleanup").map(CleanupConfig::parse).orElse(CleanupConfig.DEFAULT),
                RerunSettings.parse(root),
                root.findSection("history").map(HistoryConfig::parse).orElse(HistoryConfig.DEFAULT));
    }
}
