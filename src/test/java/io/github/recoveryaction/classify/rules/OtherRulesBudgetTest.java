package io.github.recoveryaction.classify.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.classify.Classifier;
import io.github.recoveryaction.classify.log.LogInput;

/**
 * The C/C++, Docker, PHP, Ruby, mobile and infrastructure rules stay within their time budget on long lines built
 * to make path-like and alternation-heavy patterns backtrack (one token of thousands of characters that contains
 * the patterns' literals).
 */
class OtherRulesBudgetTest {

    private static final Set<String> FILES = Set.of("cpp.yaml", "docker.yaml", "php.yaml", "ruby.yaml", "mobile.yaml",
            "infra.yaml");

    @Test
    void longAdversarialLinesDoNotExhaustAnyRulesBudget() {
        List<String> lines = new ArrayList<>();
        String[] tokens = { "x", "a/", "a.", "Dockerfile", "Makefile", "meson.build", "composer.json", "node_modules/",
                "‘", "(", "[", "a:", "error: ", "DL3008 ", ".swift:", "Error: ", "FAILED! ", "::", "\"", "'" };
        for (String token : tokens) {
            String body = token.repeat(3900 / token.length());
            lines.add(body);
            lines.add(body + ":1:1: error: x");
            lines.add(body + ": not found");
            lines.add(body + ":12 DL3008 warning: x");
            lines.add(body + ":1: *** missing separator.  Stop.");
            lines.add(body + " is invalid, the following errors/warnings were found");
            lines.add("fatal: [h]: FAILED! => " + body);
            lines.add("configure: error: " + body);
        }
        String log = String.join("\n", lines) + "\n";
        List<String> warnings = new ArrayList<>();
        Classifier classifier = new Classifier(RuleLoader.load(Optional.empty()), warnings::add);

        classifier.classify(LogInput.of("adversarial.log", new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8))));

        List<String> ours = RuleLoader.load(Optional.empty()).rules().stream().filter(r -> FILES.contains(r.origin()))
                .map(Rule::id).toList();
        assertThat(warnings).noneMatch(w -> ours.stream().anyMatch(id -> w.contains("rule " + id + " ")));
    }
}
