package io.github.recoveryaction.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.github.recoveryaction.InvalidInputException;

/** Reads {@code .github/recovery.yml}; strict about keys and values so that typos fail loudly. */
public final class RepositoryConfigLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private RepositoryConfigLoader() {
    }

    /** The workspace's configuration file, or the defaults when it does not exist. */
    public static RepositoryConfig loadFromWorkspace(Path workspace) {
        Path file = workspace.resolve(RepositoryConfig.DEFAULT_PATH);
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

    public static RepositoryConfig parse(String name, String text) {
        JsonNode tree;
        try {
            tree = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(name + ": not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        }
        ConfigNode root = new ConfigNode(name, "", tree);
        Set<String> keys = new HashSet<>(Set.of("schema-version", "rules-file", "plans-file", "lanes", "report",
                "checkpoints", "cleanup", "history"));
        keys.addAll(RerunSettings.KEYS);
        root.requireOnlyKeys(keys);
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
