package io.github.recoveryaction.config;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.recoveryaction.InvalidInputException;
import io.github.recoveryaction.classify.FailureType;

/**
 * Which failures the action re-runs: the {@code rerun} input. {@code transient} stands for {@code network_error} and
 * {@code infrastructure_error}, plus a {@code timeout} that the history of the same step shows to be unusual;
 * a {@code timeout} named explicitly is re-run without that judgement.
 *
 * @param types failure types re-run whenever a rule decided them
 * @param judgedTimeouts whether {@code transient} was asked for, so timeouts are re-run when judged transient
 */
public record RerunSelection(Set<FailureType> types, boolean judgedTimeouts) {

    public static final RerunSelection OFF = new RerunSelection(Set.of(), false);
    public static final Set<FailureType> TRANSIENT = Set.of(FailureType.NETWORK_ERROR,
            FailureType.INFRASTRUCTURE_ERROR);

    public RerunSelection {
        types = types.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(types));
    }

    /**
     * Parses {@code off}, {@code transient} or a list of failure types separated by commas, spaces or new lines
     * ({@code transient} may be one of them).
     *
     * @throws InvalidInputException naming the value that is not understood
     */
    public static RerunSelection parse(String text) {
        List<String> items = Arrays.stream(text.trim().toLowerCase(Locale.ROOT).split("[,\\s]+"))
                .filter(item -> !item.isEmpty()).toList();
        if (items.isEmpty() || items.equals(List.of("off"))) {
            return OFF;
        }
        Set<FailureType> types = EnumSet.noneOf(FailureType.class);
        boolean judged = false;
        for (String item : items) {
            if (item.equals("transient")) {
                types.addAll(TRANSIENT);
                judged = true;
                continue;
            }
            if (item.equals("off")) {
                throw new InvalidInputException("rerun: off cannot be combined with failure types, got '"
                        + text.trim() + "'");
            }
            Optional<FailureType> type = FailureType.findById(item);
            if (type.isEmpty()) {
                throw new InvalidInputException("rerun: '" + item + "' is not off, transient or a list of failure "
                        + "types (" + choices() + ")");
            }
            if (type.get() == FailureType.UNKNOWN) {
                throw new InvalidInputException("rerun: 'unknown' cannot be re-run automatically, since no rule "
                        + "decided it; use transient or a list of failure types (" + choices() + ")");
            }
            types.add(type.get());
        }
        return new RerunSelection(types, judged);
    }

    public boolean off() {
        return types.isEmpty();
    }

    /** Whether a failure of {@code type} is re-run without further judgement. */
    public boolean covers(FailureType type) {
        return types.contains(type);
    }

    /** Whether a failure of {@code type} is re-run only when the history shows it to be unusual. */
    public boolean judges(FailureType type) {
        return type == FailureType.TIMEOUT && judgedTimeouts && !types.contains(type);
    }

    /** The selection as the user would write it, for reasons ("is not transient", "is not in rerun (…)"). */
    public String text() {
        if (off()) {
            return "off";
        }
        Set<FailureType> rest = EnumSet.copyOf(types);
        String prefix = "";
        if (judgedTimeouts) {
            rest.removeAll(TRANSIENT);
            prefix = "transient";
        }
        String named = rest.stream().map(FailureType::id).sorted().collect(Collectors.joining(", "));
        return prefix.isEmpty() ? named : named.isEmpty() ? prefix : prefix + ", " + named;
    }

    private static String choices() {
        return Arrays.stream(FailureType.values()).filter(t -> t != FailureType.UNKNOWN).map(FailureType::id)
                .collect(Collectors.joining(", "));
    }
}
