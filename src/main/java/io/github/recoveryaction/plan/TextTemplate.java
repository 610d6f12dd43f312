package io.github.recoveryaction.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text with {@code {{placeholder}}}s and fallbacks: the first alternative whose placeholders are all known is
 * used, so a missing detail gives the generic text instead of a dangling placeholder.
 *
 * @param alternatives most specific first
 */
public record TextTemplate(List<String> alternatives) {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z0-9-]+)}}");

    public TextTemplate {
        alternatives = List.copyOf(alternatives);
    }

    public static TextTemplate of(String... alternatives) {
        return new TextTemplate(List.of(alternatives));
    }

    /** The first alternative that can be filled in completely, filled in. */
    public Optional<String> render(Variables vars, Variables.Context context) {
        for (String alternative : alternatives) {
            Optional<String> filled = fill(alternative, vars, context);
            if (filled.isPresent()) {
                return filled;
            }
        }
        return Optional.empty();
    }

    /** True when the last alternative needs nothing but always-known placeholders. */
    public boolean alwaysRenders() {
        return !alternatives.isEmpty() && names(alternatives.getLast()).stream()
                .allMatch(n -> Placeholder.findById(n).map(p -> p.kind() == Placeholder.Kind.ALWAYS).orElse(false));
    }

    static Set<String> names(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Optional<String> fill(String text, Variables vars, Variables.Context context) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        List<String> missing = new ArrayList<>();
        while (m.find()) {
            Optional<String> value = vars.find(m.group(1), context);
            if (value.isEmpty()) {
                missing.add(m.group(1));
                continue;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value.get()));
        }
        if (!missing.isEmpty()) {
            return Optional.empty();
        }
        m.appendTail(out);
        return Optional.of(out.toString());
    }
}
