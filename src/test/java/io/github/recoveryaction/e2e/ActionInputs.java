package io.github.recoveryaction.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The inputs of {@code action.yml} as the runner hands them to a step of {@link EmulatedRunner}: declared defaults,
 * {@code INPUT_<NAME>} names, and {@code ${{ … }}} expressions expanded from the job's contexts.
 */
final class ActionInputs {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*([^}]*?)\\s*}}");
    private static final Path ACTION_YML = Path.of("action.yml");

    private final Map<String, String> context = new TreeMap<>();
    private final UnaryOperator<String> variables;

    /** @param variables the job's variables by name, for {@code github.*} expressions no context value overrides */
    ActionInputs(UnaryOperator<String> variables) {
        this.variables = variables;
    }

    /** The inputs of {@code action.yml} with their defaults, in declaration order. */
    static Map<String, String> declared() {
        try {
            JsonNode action = new ObjectMapper(new YAMLFactory()).readTree(ACTION_YML.toFile());
            Map<String, String> inputs = new LinkedHashMap<>();
            action.path("inputs").fields().forEachRemaining(
                    input -> inputs.put(input.getKey(), input.getValue().path("default").asText("")));
            return inputs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ACTION_YML.toAbsolutePath(), e);
        }
    }

    /** The variable the runner passes an input in. */
    static String variable(String input) {
        return "INPUT_" + input.replace(' ', '_').toUpperCase(Locale.ROOT);
    }

    void context(String expression, String value) {
        context.put(expression, value);
    }

    void contextIfAbsent(String expression, String value) {
        context.putIfAbsent(expression, value);
    }

    /** {@code value} of {@code input} with every expression replaced, or an error naming the one it cannot expand. */
    String expand(String input, String value) {
        Matcher m = EXPRESSION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String expression = m.group(1);
            String expanded = expression.startsWith("github.") && !context.containsKey(expression)
                    ? githubContext(expression.substring(7))
                    : context.get(expression);
            if (expanded == null) {
                throw new IllegalStateException("input " + input + " uses ${{ " + expression + " }}, which the runner "
                        + "emulation cannot expand: add it to EmulatedRunner's contexts");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(expanded));
        }
        return m.appendTail(out).toString();
    }

    /** {@code github.<key>} is {@code GITHUB_<KEY>}, with host paths, as the runner evaluates expressions on the host. */
    private String githubContext(String key) {
        return variables.apply("GITHUB_" + key.toUpperCase(Locale.ROOT));
    }
}
