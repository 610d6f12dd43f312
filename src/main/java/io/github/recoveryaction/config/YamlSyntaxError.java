package io.github.recoveryaction.config;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * The one-line description of a YAML syntax error. SnakeYAML's message spans several lines (context, a quoted
 * snippet, a caret), which the one-line error contract would flatten into literal "\n" noise.
 */
public final class YamlSyntaxError {

    private YamlSyntaxError() {
    }

    public static String describe(String file, JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblem() != null) {
            Mark at = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
            return file + ": not valid YAML" + (at == null ? ""
                    : " at line " + (at.getLine() + 1) + ", column "
                            + (at.getColumn() + 1))
                    + ": " + withContext(marked) + "; fix the file's syntax";
        }
        String first = e.getOriginalMessage() == null ? e.getClass().getSimpleName()
                : e.getOriginalMessage().lines().findFirst().orElse("").strip();
        return file + ": not valid YAML" + (e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr()) + ": " + first + "; fix the file's syntax";
    }

    private static String withContext(MarkedYAMLException marked) {
        String problem = marked.getProblem().strip();
        return marked.getContext() == null ? problem : problem + " (" + marked.getContext().strip() + ")";
    }
}
