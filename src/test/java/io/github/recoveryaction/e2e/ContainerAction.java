package io.github.recoveryaction.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The action's image run as actions/runner runs a Docker container action step ({@code DockerCommandManager.DockerRun}
 * at runner 258d6c8): {@code docker run --name <image>_<6 hex> --label <instance> --workdir /github/workspace --rm},
 * one {@code -e NAME} per variable (values reach docker through its own environment, never the command line),
 * {@code -e GITHUB_ACTIONS=true}, {@code -e CI=true} unless set, the docker socket and the job's five mounts, the image
 * and no arguments (action.yml has no {@code args}, so the image's {@code CMD} runs). The one addition is
 * {@code --network host}: it stands for the runner's network, so that the container reaches the fake GitHub on
 * loopback.
 * <p>
 * The job is an {@link EmulatedRunner}: its {@code github/} folders are mounted at {@code /github/}, and the
 * variables the program sees there are exactly the ones the in-JVM end-to-end tests give it.
 */
final class ContainerAction {

    /** What a step left: its exit code and logs, and the runner's view of its output and summary files. */
    record StepResult(int exitCode, String stdout, String stderr, Map<String, String> outputs, String summary) {

        String log() {
            return stdout + stderr;
        }
    }

    private static final String INSTANCE_LABEL = "a1b2c3";

    private final String image;
    private final Path dockerSocket;

    ContainerAction(String image) {
        this.image = image;
        String host = System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock");
        if (!host.startsWith("unix://")) {
            throw new IllegalStateException("DOCKER_HOST must be a unix socket, as on a runner: " + host);
        }
        this.dockerSocket = Path.of(host.substring("unix://".length()));
    }

    /** One action step with {@code with:} over the defaults of every input, in fresh file-command files. */
    StepResult run(EmulatedRunner job, Map<String, String> with) {
        job.defaultInputs();
        with.forEach(job::input);
        job.install();
        Path github = job.paths.root.resolve("github");
        Map<String, String> environment = new LinkedHashMap<>();
        job.seenVariables().forEach((name, value) -> environment.put(name,
                value.startsWith(github + "/") ? "/github" + value.substring(github.toString().length()) : value));
        List<String> command = new ArrayList<>(List.of(docker(), "run", "--name", containerName(), "--label",
                INSTANCE_LABEL, "--workdir", "/github/workspace", "--rm"));
        environment.keySet().forEach(name -> command.addAll(List.of("-e", name)));
        command.addAll(List.of("-e", "GITHUB_ACTIONS=true"));
        if (!environment.containsKey("CI")) {
            command.addAll(List.of("-e", "CI=true"));
        }
        command.addAll(List.of("--network", "host", "-v", dockerSocket + ":/var/run/docker.sock"));
        for (Path mount : List.of(job.paths.runnerTemp, job.paths.home, job.paths.workflow, job.paths.fileCommands,
                job.paths.workspace)) {
            command.addAll(List.of("-v", mount + ":/github/" + github.relativize(mount)));
        }
        command.add(image);
        Processes.Result result = Processes.run(command, job.paths.workspace, environment);
        return new StepResult(result.exitCode(), result.stdout(), result.stderr(), job.outputs(), job.summary());
    }

    /** {@code <sanitized image>_<6 hex>}, as the runner names action containers. */
    private String containerName() {
        return image.replaceAll("[^A-Za-z0-9]", "") + "_"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);
    }

    /** Debian's client matches a Debian engine (another client may come first on PATH); elsewhere, docker. */
    private static String docker() {
        return Files.isExecutable(Path.of("/usr/bin/docker")) ? "/usr/bin/docker" : "docker";
    }
}
