package io.github.recoveryaction.github;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The job's environment as the runner hands it to a container action: the {@code GITHUB_*}, {@code RUNNER_*} and
 * {@code ACTIONS_*} variables, typed, with {@link Optional} for what is absent (blank counts as absent).
 * <p>
 * Built once from a map so that nothing below the command line reads {@code System.getenv}. See
 * <a href="https://docs.github.com/en/actions/reference/workflows-and-actions/variables">the variables
 * reference</a>.
 */
public final class RunnerEnvironment {

    public static final URI DEFAULT_API_URL = URI.create("https://api.github.com");

    private final Map<String, String> variables;

    private RunnerEnvironment(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    public static RunnerEnvironment of(Map<String, String> variables) {
        return new RunnerEnvironment(variables);
    }

    /** Any variable, blank values treated as absent. */
    public Optional<String> find(String name) {
        return Optional.ofNullable(variables.get(name)).filter(v -> !v.isBlank());
    }

    /** The action input {@code name} ({@code INPUT_<NAME>}: upper-cased, hyphens kept). */
    public Optional<String> findInput(String name) {
        return find(inputVariable(name)).map(String::trim);
    }

    /** The variable the runner sets for an action input, e.g. {@code INPUT_GITHUB-TOKEN} for {@code github-token}. */
    public static String inputVariable(String name) {
        return "INPUT_" + name.replace(' ', '_').toUpperCase(Locale.ROOT);
    }

    /** True inside a GitHub Actions job ({@code GITHUB_ACTIONS=true}). */
    public boolean inGitHubActions() {
        return find("GITHUB_ACTIONS").filter("true"::equalsIgnoreCase).isPresent();
    }

    /** True when the runner asks for debug output ({@code RUNNER_DEBUG=1} or {@code ACTIONS_STEP_DEBUG=true}). */
    public boolean debug() {
        return find("RUNNER_DEBUG").filter("1"::equals).isPresent()
                || find("ACTIONS_STEP_DEBUG").filter("true"::equalsIgnoreCase).isPresent();
    }

    /** The REST API root: {@code GITHUB_API_URL} (GitHub Enterprise Server sets its own), else github.com's. */
    public URI apiUrl() {
        return find("GITHUB_API_URL").map(RunnerEnvironment::withoutTrailingSlash).map(URI::create)
                .orElse(DEFAULT_API_URL);
    }

    public String serverUrl() {
        return find("GITHUB_SERVER_URL").map(RunnerEnvironment::withoutTrailingSlash).orElse("https://github.com");
    }

    /** {@code owner/name}. */
    public Optional<String> repository() {
        return find("GITHUB_REPOSITORY");
    }

    public Optional<String> eventName() {
        return find("GITHUB_EVENT_NAME");
    }

    public Optional<Path> eventPath() {
        return find("GITHUB_EVENT_PATH").map(Path::of);
    }

    public OptionalLong runId() {
        return number("GITHUB_RUN_ID");
    }

    /** Starts at 1 and grows by one per re-run; 1 when unknown. */
    public int runAttempt() {
        return (int) number("GITHUB_RUN_ATTEMPT").orElse(1);
    }

    public Optional<String> workflow() {
        return find("GITHUB_WORKFLOW");
    }

    /** {@code owner/repo/.github/workflows/ci.yml@refs/heads/main}: the file and ref of the running workflow. */
    public Optional<String> workflowRef() {
        return find("GITHUB_WORKFLOW_REF");
    }

    /** The job's key in the workflow file (not its display name). */
    public Optional<String> job() {
        return find("GITHUB_JOB");
    }

    public Optional<String> sha() {
        return find("GITHUB_SHA");
    }

    public Optional<String> ref() {
        return find("GITHUB_REF");
    }

    public Optional<String> headRef() {
        return find("GITHUB_HEAD_REF");
    }

    public Optional<String> baseRef() {
        return find("GITHUB_BASE_REF");
    }

    public Optional<String> actor() {
        return find("GITHUB_ACTOR");
    }

    public Optional<Path> workspace() {
        return find("GITHUB_WORKSPACE").map(Path::of);
    }

    public Optional<Path> outputFile() {
        return find("GITHUB_OUTPUT").map(Path::of);
    }

    public Optional<Path> stepSummaryFile() {
        return find("GITHUB_STEP_SUMMARY").map(Path::of);
    }

    public Optional<String> runnerName() {
        return find("RUNNER_NAME");
    }

    public Optional<String> runnerOs() {
        return find("RUNNER_OS");
    }

    public Optional<Path> runnerTemp() {
        return find("RUNNER_TEMP").map(Path::of);
    }

    /** {@code ACTIONS_RUNTIME_TOKEN}: the job-scoped token of the runner's internal services (artifacts). */
    public Optional<String> runtimeToken() {
        return find("ACTIONS_RUNTIME_TOKEN");
    }

    public Optional<URI> resultsUrl() {
        return find("ACTIONS_RESULTS_URL").map(URI::create);
    }

    public Optional<URI> runtimeUrl() {
        return find("ACTIONS_RUNTIME_URL").map(URI::create);
    }

    /** Web address of the current run, for links in reports. */
    public Optional<String> runUrl() {
        if (repository().isEmpty() || runId().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(serverUrl() + "/" + repository().get() + "/actions/runs/" + runId().getAsLong()
                + (runAttempt() > 1 ? "/attempts/" + runAttempt() : ""));
    }

    private OptionalLong number(String name) {
        Optional<String> text = find(name);
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(text.get().trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Never lists values: some variables are tokens. */
    @Override
    public String toString() {
        return "RunnerEnvironment" + variables.keySet().stream().sorted().toList();
    }
}
