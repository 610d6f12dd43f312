package io.github.recoveryaction.classify.rules;

import io.github.recoveryaction.InvalidInputException;

/** A rule file is malformed; the message names the file, the rule id and the field. */
public class RuleValidationException extends InvalidInputException {

    public RuleValidationException(String file, String ruleId, String field, String problem) {
        super(file + ": " + (ruleId.isEmpty() ? "" : "rule " + ruleId + ": ") + (field.isEmpty() ? "" : field + " ")
                + problem);
    }
}
