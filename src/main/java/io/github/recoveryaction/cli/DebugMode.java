package io.github.recoveryaction.cli;

/** The runner's debug switches ({@code RUNNER_DEBUG=1}, {@code ACTIONS_STEP_DEBUG=true}) turn on verbose errors. */
final class DebugMode {

    private DebugMode() {
    }

    static boolean fromEnvironment() {
        return "1".equals(System.getenv("RUNNER_DEBUG")) || "true".equalsIgnoreCase(System.getenv("ACTIONS_STEP_DEBUG"));
    }
}
