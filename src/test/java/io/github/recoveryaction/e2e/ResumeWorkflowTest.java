package io.github.recoveryaction.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.github.recoveryaction.github.fake.FakeArtifactService;
import io.github.recoveryaction.github.fake.FakeHttpServer;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/**
 * Runs the complete workflow of docs/checkpoints.md twice, as attempt 1 and as its re-run, against a fake of
 * GitHub's artifact services: the action steps run the real commands with their inputs as {@code INPUT_*}
 * variables, the build steps are simulated (and check that what they need is there), {@code if:} conditions are
 * evaluated like the runner does for the forms the workflow uses.
 */
@QuarkusMainTest
class ResumeWorkflowTest {

    private static final Pattern RESUME_CONDITION = Pattern.compile("steps\\.restore\\.outputs\\.resume-after < (\\d+)");

    private final FakeHttpServer server = new FakeHttpServer();
    private final FakeArtifactService artifacts = new FakeArtifactService(CheckpointScenario.REPOSITORY,
            CheckpointScenario.RUN_ID).register(server);

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        server.close();
        CheckpointScenario.clearEnvironment();
    }

    @Test
    void attemptOneSavesAndTheReRunRestoresAndSkipsWhatPassed(QuarkusMainLauncher launcher) throws Exception {
        JsonNode steps = documentedWorkflow().path("jobs").path("build").path("steps");
        Path origin = CheckpointScenario.checkout(dir.resolve("origin"));

        List<String> first = runJob(launcher, steps, new CheckpointScenario(dir.resolve("attempt1"), origin)
                .inGitHubActions(server, 1), true);

        assertThat(first).containsExactly("actions/checkout", "actions/setup-java", "restore", "compile",
                "checkpoint 1", "unit-tests", "checkpoint 2", "integration-tests FAILED", "checkpoint 99");
        assertThat(artifacts.artifacts()).extracting(FakeArtifactService.Artifact::name).allSatisfy(
                name -> assertThat(name).startsWith("recovery-checkpoint-build-a1-")).hasSize(3);

        CheckpointScenario rerun = new CheckpointScenario(dir.resolve("attempt2"), origin).inGitHubActions(server, 2);
        List<String> second = runJob(launcher, steps, rerun, false);

        assertThat(second).containsExactly("actions/checkout", "actions/setup-java", "restore", "integration-tests",
                "checkpoint 3", "package");
        assertThat(Files.readString(rerun.workspace.resolve("target/app.jar"))).isEqualTo("compiled+unit+it");
        assertThat(artifacts.artifacts()).extracting(FakeArtifactService.Artifact::name)
                .filteredOn(n -> n.contains("-a2-")).singleElement().asString().contains("step3");
        assertThat(server.requestLines()).filteredOn(l -> l.startsWith("GET /storage/")).isNotEmpty()
                .allSatisfy(l -> assertThat(l).contains("sig=rest-download"));

        rerun.clearInputs().install();
        LaunchResult list = launcher.launch("list", "--format", "json");
        assertThat(list.exitCode()).as(list.getErrorOutput()).isZero();
        JsonNode listed = new ObjectMapper().readTree(list.getOutput());
        assertThat(listed.findValuesAsText("stepNumber")).containsExactly("3", "99", "2", "1");
        assertThat(listed.get(0).get("job").get("attempt").asInt()).isEqualTo(2);
        rerun.install();
        LaunchResult validate = launcher.launch("validate", "--format", "json");
        assertThat(validate.exitCode()).as(validate.getOutput()).isZero();
        assertThat(new ObjectMapper().readTree(validate.getOutput()).get("checks").findValuesAsText("name"))
                .contains("store", "checkpoint " + listed.get(0).get("id").asText());
    }

    private static JsonNode documentedWorkflow() throws Exception {
        String doc = Files.readString(Path.of("docs/checkpoints.md"));
        Matcher block = Pattern.compile("### Complete workflow\\s+```yaml\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertThat(block.find()).as("docs/checkpoints.md has a complete workflow").isTrue();
        return new ObjectMapper(new YAMLFactory()).readTree(block.group(1));
    }

    /** Runs the job's steps in order like the runner; returns what ran. */
    private List<String> runJob(QuarkusMainLauncher launcher, JsonNode steps, CheckpointScenario job,
            boolean integrationTestsFail) {
        List<String> ran = new ArrayList<>();
        Map<String, Map<String, String>> outputs = new HashMap<>();
        boolean failed = false;
        for (JsonNode step : steps) {
            if (!shouldRun(step.path("if").asText(""), outputs, failed)) {
                continue;
            }
            String uses = step.path("uses").asText("");
            if (uses.startsWith("recovery-action/recovery-action@")) {
                LaunchResult result = runAction(launcher, job, step.path("with"));
                outputs.put(step.path("id").asText("-"), job.outputs());
                String command = step.path("with").path("command").asText();
                ran.add(command.equals("checkpoint") ? "checkpoint " + step.path("with").path("step-number").asText()
                        : command);
                assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
                job.assertUsableByRunnerUser();
                job.exported().forEach(job::set);
            } else if (!uses.isEmpty()) {
                ran.add(uses.substring(0, uses.indexOf('@')));
            } else {
                boolean ok = simulateBuildStep(step.path("id").asText(), job.workspace, integrationTestsFail);
                ran.add(step.path("id").asText() + (ok ? "" : " FAILED"));
                failed |= !ok;
            }
        }
        return ran;
    }

    private static LaunchResult runAction(QuarkusMainLauncher launcher, CheckpointScenario job, JsonNode with) {
        job.clearInputs();
        for (Iterator<Map.Entry<String, JsonNode>> it = with.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> input = it.next();
            job.input(input.getKey(), input.getValue().asText());
        }
        job.install();
        return launcher.launch("report");
    }

    /** The forms the documented workflow uses; no condition means success(). */
    private static boolean shouldRun(String condition, Map<String, Map<String, String>> outputs, boolean failed) {
        if (condition.equals("failure()")) {
            return failed;
        }
        if (failed) {
            return false;
        }
        if (condition.isEmpty()) {
            return true;
        }
        Matcher m = RESUME_CONDITION.matcher(condition);
        assertThat(m.matches()).as("supported condition: " + condition).isTrue();
        String resumeAfter = outputs.getOrDefault("restore", Map.of()).getOrDefault("resume-after", "");
        // GitHub coerces the string output to a number; an empty one is 0
        return (resumeAfter.isEmpty() ? 0 : Integer.parseInt(resumeAfter)) < Integer.parseInt(m.group(1));
    }

    /** What the Maven steps would leave behind, failing when what they need from earlier steps is missing. */
    private static boolean simulateBuildStep(String id, Path ws, boolean integrationTestsFail) {
        Path target = ws.resolve("target");
        switch (id) {
            case "compile" -> CheckpointScenario.write(target.resolve("classes/App.class"), "compiled");
            case "unit-tests" -> {
                assertThat(target.resolve("classes/App.class")).exists();
                CheckpointScenario.write(target.resolve("surefire-reports/unit.txt"), "unit");
            }
            case "integration-tests" -> {
                assertThat(target.resolve("classes/App.class")).exists();
                assertThat(target.resolve("surefire-reports/unit.txt")).exists();
                if (integrationTestsFail) {
                    CheckpointScenario.write(target.resolve("failsafe-reports/it.txt"), "FAILED");
                    return false;
                }
                CheckpointScenario.write(target.resolve("failsafe-reports/it.txt"), "it");
            }
            case "package" -> CheckpointScenario.write(target.resolve("app.jar"), CheckpointScenario.read(
                    target.resolve("classes/App.class")) + "+"
                    + CheckpointScenario.read(target.resolve(
                            "surefire-reports/unit.txt"))
                    + "+" + CheckpointScenario.read(target.resolve(
                            "failsafe-reports/it.txt")));
            default -> throw new AssertionError("the workflow has a step the test does not simulate: " + id);
        }
        return true;
    }
}
