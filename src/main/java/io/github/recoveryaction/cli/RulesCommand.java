package io.github.recoveryaction.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.github.recoveryaction.InvalidInputException;
import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.Classifier;
import io.github.recoveryaction.classify.log.LogInput;
import io.github.recoveryaction.classify.rules.Rule;
import io.github.recoveryaction.classify.rules.RuleLoader;
import io.github.recoveryaction.classify.rules.RuleSet;
import io.github.recoveryaction.report.ClassificationText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "rules", mixinStandardHelpOptions = true, header = "List, check and try failure rules.", description = "The classifier's knowledge is YAML rules: bundled ones, merged by id with a repository's "
        + ".github/recovery-rules.yml.")
class RulesCommand extends CommandBase {

    @Command(name = "list", mixinStandardHelpOptions = true, header = "Print the effective rules with their origin.")
    int list(@Mixin VerboseOption verbose, @Mixin RulesOptions rules,
            @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json.") FormatOption format)
            throws Exception {
        requireTextOrJson("rules list", format);
        List<Rule> effective = rules.load(environment).rules();
        PrintWriter out = spec.commandLine().getOut();
        if (format == FormatOption.json) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            effective.forEach(r -> array.addObject().put("id", r.id()).put("failureType", r.failureTypeId())
                    .put("priority", r.priority()).put("confidence", r.confidence())
                    .put("evidenceOnly", r.evidenceOnly()).put("title", r.title()).put("origin", r.origin()));
            out.println(new ObjectMapper().writeValueAsString(array));
        } else {
            int width = effective.stream().mapToInt(r -> r.id().length()).max().orElse(10);
            for (Rule r : effective) {
                out.println(String.format(Locale.ROOT, "%-" + width + "s  %-21s %4d  %s%s", r.id(), r.failureTypeId(),
                        r.priority(), r.origin(), r.evidenceOnly() ? "  (evidence only)" : ""));
            }
            out.println(effective.size() + " rules");
        }
        return ExitCodes.OK;
    }

    @Command(name = "validate", mixinStandardHelpOptions = true, header = "Check a rule file: schema, ids, patterns and capture groups.", description = "Exits 0 when the file is valid and merges cleanly with the bundled rules, 2 with a one-line "
            + "message naming the file, rule and field otherwise.")
    int validate(@Mixin VerboseOption verbose, @Parameters(paramLabel = "FILE", description = "The rule file.") Path file) {
        List<Rule> rules = RuleLoader.validate(file);
        spec.commandLine().getOut().println(file + ": " + rules.size() + " rules valid");
        return ExitCodes.OK;
    }

    @Command(name = "explain", mixinStandardHelpOptions = true, header = "Show what one rule matches in the failing step of a log.", description = "For rule authors: classifies the log with this rule alone and prints its evidence.")
    int explain(@Mixin VerboseOption verbose, @Mixin RulesOptions rules,
            @Parameters(paramLabel = "RULE-ID", description = "The rule's id.") String id,
            @Option(names = "--log", paramLabel = "FILE", required = true, description = "The log to try it on.") Path log) {
        RuleSet all = rules.load(environment);
        Rule rule = all.findRule(id).orElseThrow(() -> new InvalidInputException(
                "no rule has the id '" + id + "'; see 'recovery rules list'"));
        Classification c = new Classifier(all.only(rule)).classify(LogInput.of(log));
        printResult((c.rule().equals(id) ? "rule " + id + " matches:" : "rule " + id + " does not match the failing step:")
                + "\n" + ClassificationText.render(c));
        return ExitCodes.OK;
    }
}
