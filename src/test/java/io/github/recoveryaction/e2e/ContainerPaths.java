package io.github.recoveryaction.e2e;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The folders of one {@link EmulatedRunner} job under a scenario root, as the runner mounts them into a Docker
 * container action ({@code github/workspace}, {@code github/runner_temp}, {@code github/home} as {@code HOME},
 * {@code github/workflow}, {@code github/file_commands}), and the host paths the job's variables name them by.
 */
final class ContainerPaths {

    final Path root;
    final Path workspace;
    final Path runnerTemp;
    final Path home;
    final Path workflow;
    final Path fileCommands;
    /** Where the runner keeps the workspace on the host, as {@code ${{ github.workspace }}} expands. */
    final String hostWorkspace;
    final String hostTemp = "/home/runner/work/_temp";
    private final Map<String, String> hostToContainer = new LinkedHashMap<>();

    ContainerPaths(Path root, String repository) {
        this.root = root.toAbsolutePath();
        Path github = this.root.resolve("github");
        this.workspace = github.resolve("workspace");
        this.runnerTemp = github.resolve("runner_temp");
        this.home = github.resolve("home");
        this.workflow = github.resolve("workflow");
        this.fileCommands = github.resolve("file_commands");
        String name = repository.substring(repository.indexOf('/') + 1);
        this.hostWorkspace = "/home/runner/work/" + name + "/" + name;
        folders().forEach(EmulatedRunner::mkdirs);
        hostToContainer.put(hostWorkspace, workspace.toString());
        hostToContainer.put(hostTemp + "/_github_home", home.toString());
        hostToContainer.put(hostTemp + "/_github_workflow", workflow.toString());
        hostToContainer.put(hostTemp + "/_runner_file_commands", fileCommands.toString());
        hostToContainer.put(hostTemp, runnerTemp.toString());
    }

    /** On the host, HOME, the event folder and the file commands are folders of RUNNER_TEMP too. */
    Stream<Path> folders() {
        return Stream.of(workspace, runnerTemp, home, workflow, fileCommands);
    }

    String hostEventFile() {
        return hostTemp + "/_github_workflow/event.json";
    }

    /** {@code TranslateToContainerPath}: a value that starts with a mount's host path gets the container path. */
    String toContainerPath(String value) {
        for (Map.Entry<String, String> mount : hostToContainer.entrySet()) {
            if (value.equals(mount.getKey()) || value.startsWith(mount.getKey() + "/")) {
                return mount.getValue() + value.substring(mount.getKey().length());
            }
        }
        return value;
    }

    /**
     * Empty file-command files for one step, owned by the runner's user, as {@code GITHUB_OUTPUT}, {@code GITHUB_ENV},
     * {@code GITHUB_PATH}, {@code GITHUB_STATE} and {@code GITHUB_STEP_SUMMARY} name them on the host.
     */
    Map<String, String> freshFileCommands() {
        String id = UUID.randomUUID().toString();
        Map<String, String> variables = new LinkedHashMap<>();
        for (String[] command : new String[][] { { "GITHUB_OUTPUT", "set_output_" }, { "GITHUB_ENV", "set_env_" },
                { "GITHUB_PATH", "add_path_" }, { "GITHUB_STATE", "save_state_" },
                { "GITHUB_STEP_SUMMARY", "step_summary_" } }) {
            RunnerOwnership.writeOwned(fileCommands.resolve(command[1] + id), "");
            variables.put(command[0], hostTemp + "/_runner_file_commands/" + command[1] + id);
        }
        return variables;
    }
}
