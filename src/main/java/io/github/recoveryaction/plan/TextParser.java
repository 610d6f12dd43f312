package io.github.recoveryaction.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Reads texts with placeholders from plan files and rejects unknown or unsafe placeholders at load time. */
final class TextParser {

    private TextParser() {
    }

    /** A prose text: a string or a list of fallbacks. */
    static TextTemplate prose(YamlField f) {
        return text(f, Variables.Context.PROSE, true);
    }

    /** A list whose items are prose texts. */
    static List<TextTemplate> proseList(YamlField f) {
        return list(f, item -> prose(item));
    }

    /** A list whose items are commands (a string or a list of fallbacks). */
    static List<TextTemplate> commandList(YamlField f, boolean allowCommands) {
        return list(f, item -> text(item, Variables.Context.COMMAND, allowCommands));
    }

    static TextTemplate command(YamlField f, boolean allowCommands) {
        return text(f, Variables.Context.COMMAND, allowCommands);
    }

    private static List<TextTemplate> list(YamlField f, Function<YamlField, TextTemplate> item) {
        List<TextTemplate> out = new ArrayList<>();
        for (YamlField i : f.items()) {
            out.add(item.apply(i));
        }
        return out;
    }

    private static TextTemplate text(YamlField f, Variables.Context context, boolean allowCommands) {
        List<String> alternatives = new ArrayList<>();
        if (f.node().isArray()) {
            for (YamlField item : f.items()) {
                alternatives.add(item.text());
            }
            if (alternatives.isEmpty()) {
                throw f.error("must list at least one text");
            }
        } else {
            alternatives.add(f.text());
        }
        for (String alt : alternatives) {
            check(f, alt, context, allowCommands);
        }
        return new TextTemplate(alternatives);
    }

    private static void check(YamlField f, String text, Variables.Context context, boolean allowCommands) {
        String stripped = TextTemplate.PLACEHOLDER.matcher(text).replaceAll("");
        if (stripped.contains("{{") || stripped.contains("}}")) {
            throw f.error("has a malformed placeholder in '" + text + "' (write {{name}} with a lowercase name)");
        }
        var m = TextTemplate.PLACEHOLDER.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            Placeholder p = Placeholder.findById(name).orElseThrow(() -> f.error("names unknown placeholder {{" + name
                    + "}} (known: " + known() + ")"));
            if (p.kind() == Placeholder.Kind.COMMAND && !allowCommands) {
                throw f.error("may not use the command placeholder {{" + name + "}} here");
            }
            boolean insideBackticks = text.substring(0, m.start()).chars().filter(c -> c == '`').count() % 2 == 1;
            boolean fromLog = p.kind() == Placeholder.Kind.LOG_TEXT || p.kind() == Placeholder.Kind.COMMAND;
            if (context == Variables.Context.PROSE && fromLog && !insideBackticks) {
                throw f.error("must put {{" + name + "}} inside backticks so that log text cannot inject Markdown");
            }
        }
    }

    private static String known() {
        return String.join(", ", Arrays.stream(Placeholder.values()).map(Placeholder::id).toList());
    }
}
