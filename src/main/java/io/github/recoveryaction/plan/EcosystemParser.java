package io.github.recoveryaction.plan;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads and checks one entry of a plan file's {@code ecosystems} list. */
final class EcosystemParser {

    private static final Set<Placeholder> COMMAND_KEYS = Set.of(Placeholder.TEST_ALL, Placeholder.BUILD,
            Placeholder.CHECK, Placeholder.FIX, Placeholder.SKIP_GATES, Placeholder.DEPENDENCY_CHECK,
            Placeholder.REFRESH_DEPENDENCIES);
    private static final Set<String> FORM_KEYS = Set.of("command", "each", "join", "quote");

    private EcosystemParser() {
    }

    static Ecosystem parse(String file, YamlField entry) {
        entry.requireMapping();
        String id = entry.require("id").text();
        if (!id.matches("[a-z0-9][a-z0-9_-]*")) {
            throw entry.child("id").error("must be a lowercase tool name like maven or pytest, got '" + id + "'");
        }
        YamlField e = entry.within(file + ": ecosystem " + id);
        Set<String> keys = new HashSet<>(Set.of("id", "aliases", "test-names", "rerun-tests", "skip-tests"));
        COMMAND_KEYS.forEach(p -> keys.add(p.id()));
        e.requireOnlyKeys(keys);
        List<String> aliases = new ArrayList<>();
        e.find("aliases").ifPresent(a -> a.items().forEach(i -> aliases.add(i.text())));
        List<Ecosystem.Rewrite> rewrites = new ArrayList<>();
        boolean regexEscape = false;
        Optional<YamlField> names = e.find("test-names");
        if (names.isPresent()) {
            YamlField n = names.get();
            n.requireOnlyKeys(Set.of("rewrite", "escape"));
            n.find("rewrite").ifPresent(r -> r.items().forEach(i -> rewrites.add(rewrite(i))));
            String escape = n.find("escape").map(YamlField::text).orElse("none");
            if (!escape.equals("none") && !escape.equals("regex")) {
                throw n.child("escape").error("must be none or regex, got '" + escape + "'");
            }
            regexEscape = escape.equals("regex");
        }
        Map<Placeholder, TextTemplate> commands = new EnumMap<>(Placeholder.class);
        for (Placeholder p : COMMAND_KEYS) {
            e.find(p.id()).ifPresent(c -> commands.put(p, TextParser.command(c, false)));
        }
        return new Ecosystem(id, aliases, rewrites, regexEscape, e.find("rerun-tests").map(EcosystemParser::form),
                e.find("skip-tests").map(EcosystemParser::form), commands);
    }

    private static Ecosystem.Rewrite rewrite(YamlField f) {
        f.requireOnlyKeys(Set.of("match", "replace"));
        String match = f.require("match").text();
        try {
            return new Ecosystem.Rewrite(Pattern.compile(match), f.require("replace").text());
        } catch (PatternSyntaxException ex) {
            throw f.child("match").error("is not a valid regular expression: " + ex.getDescription());
        }
    }

    private static TestCommandForm form(YamlField f) {
        f.requireOnlyKeys(FORM_KEYS);
        String command = f.require("command").text();
        if (!command.contains("{{tests}}")) {
            throw f.child("command").error("must contain {{tests}} where the test list goes");
        }
        String each = f.find("each").map(YamlField::text).orElse("{{test}}");
        if (!each.contains("{{test}}")) {
            throw f.child("each").error("must contain {{test}}");
        }
        String quote = f.find("quote").map(YamlField::text).orElse("each");
        TestCommandForm.Quote q = switch (quote) {
            case "each" -> TestCommandForm.Quote.EACH;
            case "joined" -> TestCommandForm.Quote.JOINED;
            case "none" -> TestCommandForm.Quote.NONE;
            default -> throw f.child("quote").error("must be each, joined or none, got '" + quote + "'");
        };
        return new TestCommandForm(command, each, f.find("join").map(YamlField::text).orElse(" "), q);
    }
}
