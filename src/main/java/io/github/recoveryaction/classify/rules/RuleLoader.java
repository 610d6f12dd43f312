package io.github.recoveryaction.classify.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.github.recoveryaction.InvalidInputException;

/**
 * Loads the bundled rules ({@code src/main/resources/rules/}, one file per ecosystem, listed in
 * {@code rules/index.yaml}) and merges a repository's override file into them by rule id: a new id adds a rule,
 * a bundled id replaces that rule, and {@code disable} switches bundled rules off.
 */
public final class RuleLoader {

    public static final String DEFAULT_OVERRIDE_FILE = ".github/recovery-rules.yml";
    private static final String INDEX = "rules/index.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern MARK = Pattern.compile("line (\\d+), column (\\d+)");

    private RuleLoader() {
    }

    /** The bundled rules merged with {@code overrideFile} when given. */
    public static RuleSet load(Optional<Path> overrideFile) {
        Map<String, Rule> merged = new LinkedHashMap<>();
        // Parsing ~900 rules is most of a short command's start in a cold JVM; the files parse independently, so
        // they are read on all cores and merged in the index's order (the order decides nothing else).
        List<RuleFileParser.Contents> parsed = bundledFiles().parallelStream()
                .map(name -> parseResource("rules/" + name)).toList();
        for (RuleFileParser.Contents contents : parsed) {
            for (Rule rule : contents.rules()) {
                Rule previous = merged.putIfAbsent(rule.id(), rule);
                if (previous != null) {
                    throw new IllegalStateException("bundled rule " + rule.id() + " is defined in both "
                            + previous.origin() + " and " + rule.origin());
                }
            }
        }
        overrideFile.ifPresent(file -> applyOverrides(merged, file));
        return new RuleSet(new ArrayList<>(merged.values()));
    }

    /**
     * The rules for a workspace: {@code explicit} when given, else {@code configured} (the repository
     * configuration's {@code rules-file}, relative to the workspace) — both must exist — else the workspace's
     * {@code .github/recovery-rules.yml} when present.
     */
    public static RuleSet loadForWorkspace(Path workspace, Optional<Path> explicit, Optional<String> configured) {
        Optional<Path> chosen = explicit.or(() -> configured.map(workspace::resolve));
        if (chosen.isPresent()) {
            return load(chosen);
        }
        Path conventional = workspace.resolve(DEFAULT_OVERRIDE_FILE);
        return load(Files.isRegularFile(conventional) ? Optional.of(conventional) : Optional.empty());
    }

    /** Parses and validates one user rule file on its own, as {@code rules validate} does. */
    public static List<Rule> validate(Path file) {
        Map<String, Rule> merged = new LinkedHashMap<>();
        load(Optional.empty()).rules().forEach(r -> merged.put(r.id(), r));
        return applyOverrides(merged, file);
    }

    public static List<String> bundledFiles() {
        JsonNode index = readTree(resource(INDEX), INDEX);
        List<String> files = new ArrayList<>();
        index.path("files").forEach(n -> files.add(n.asText()));
        return files;
    }

    private static List<Rule> applyOverrides(Map<String, Rule> merged, Path file) {
        RuleFileParser.Contents contents = parseFile(file);
        for (String id : contents.disabled()) {
            if (merged.remove(id) == null) {
                throw new RuleValidationException(file.toString(), id, "disable",
                        "names no known rule; see 'recovery rules list' for the ids");
            }
        }
        for (Rule rule : contents.rules()) {
            merged.put(rule.id(), rule);
        }
        return contents.rules();
    }

    private static RuleFileParser.Contents parseFile(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("rule file " + file + " does not exist");
        } catch (IOException e) {
            throw new InvalidInputException("cannot read rule file " + file + ": " + e.getMessage(), e);
        }
        return new RuleFileParser(file.toString()).parse(readTree(text, file.toString()));
    }

    private static RuleFileParser.Contents parseResource(String path) {
        return new RuleFileParser(path.substring(path.lastIndexOf('/') + 1)).parse(readTree(resource(path), path));
    }

    private static String resource(String path) {
        try (InputStream in = RuleLoader.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("bundled resource " + path + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readTree(String text, String name) {
        try {
            return YAML.readTree(text);
        } catch (JsonProcessingException e) {
            // SnakeYAML's message spans lines (context, quoted snippet, caret); the error contract is one line
            // (unindented lines are the context and the problem; indented ones are marks, snippets and carets)
            List<String> said = e.getOriginalMessage() == null ? List.of(e.getClass().getSimpleName())
                    : e.getOriginalMessage().lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                            .toList();
            String problem = said.size() < 2 ? String.join("", said)
                    : said.getLast() + " (" + said.getFirst() + ")";
            throw new RuleValidationException(name, "", "", "is not valid YAML" + where(e) + ": " + problem
                    + "; fix the file's syntax");
        }
    }

    /** The problem's mark (SnakeYAML names it last) rather than Jackson's location, which is the context's. */
    private static String where(JsonProcessingException e) {
        Matcher mark = MARK.matcher(e.getOriginalMessage() == null ? "" : e.getOriginalMessage());
        String at = "";
        while (mark.find()) {
            at = " at line " + mark.group(1) + ", column " + mark.group(2);
        }
        return at.isEmpty() && e.getLocation() != null ? " at line " + e.getLocation().getLineNr() : at;
    }
}
