package io.github.recoveryaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The image follows GitHub's rules for container actions, and the docs name the image action.yml uses. */
class PackagingTest {

    private static List<String> lines(String file) throws IOException {
        return Files.readAllLines(Path.of(file));
    }

    @Test
    void imageRunsTheNativeExecutableAsRootWithReportAsDefaultCommand() throws IOException {
        List<String> dockerfile = lines("Dockerfile");

        assertThat(dockerfile).noneMatch(line -> line.trim().startsWith("USER") && !line.contains("root"));
        assertThat(dockerfile).contains("ENTRYPOINT [\"/usr/local/bin/recovery\"]", "CMD [\"report\"]");
        assertThat(dockerfile).anyMatch(line -> line.startsWith("ARG BUILDER_IMAGE="))
                .anyMatch(line -> line.startsWith("ARG RUNTIME_IMAGE="))
                .anyMatch(line -> line.startsWith("FROM ${BUILDER_IMAGE} AS build"))
                .anyMatch(line -> line.equals("FROM ${RUNTIME_IMAGE}"));
        List<String> runtimeStage = dockerfile.subList(dockerfile.indexOf("FROM ${RUNTIME_IMAGE}"), dockerfile.size());
        assertThat(runtimeStage).noneMatch(line -> line.trim().startsWith("USER"));
    }

    @Test
    void theCliIsPublishedAndTheReadmeSaysHowToGetIt() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String release = Files.readString(Path.of(".github/workflows/release.yml"));
        String ci = Files.readString(Path.of(".ci/run"));

        assertThat(release).contains("-Duber-jar", "gh release upload", "recovery-linux-amd64", "recovery.jar");
        assertThat(Files.readString(Path.of("pom.xml"))).contains("<quarkus.package.jar.type>uber-jar");
        assertThat(readme).contains("## Install the CLI", "releases/latest/download/recovery-linux-amd64",
                "releases/latest/download/recovery.jar",
                "docker run --rm -v \"$PWD:/w\" ghcr.io/recovery-action/recovery-action:v1 classify /w/build.log");
        assertThat(ci).contains("--sun-misc-unsafe-memory-access=allow");
        assertThat(readme).contains("MAVEN_OPTS=--sun-misc-unsafe-memory-access=allow");
    }

    @Test
    void readmeUsesTheRepositoryThatPublishesTheImage() throws IOException {
        String image = lines("action.yml").stream().filter(line -> line.trim().startsWith("image:")).findFirst()
                .orElseThrow().trim();
        String readme = Files.readString(Path.of("README.md"));

        assertThat(image).isEqualTo("image: docker://ghcr.io/recovery-action/recovery-action:v1");
        assertThat(readme).contains("uses: recovery-action/recovery-action@v1");
    }

    @Test
    void jvmImageHasTheNativeImagesEntrypointArgumentsAndEnvironmentAndNoUser() throws IOException {
        List<String> jvm = lines("Dockerfile.jvm");
        List<String> nativeImage = lines("Dockerfile");

        assertThat(jvm).noneMatch(line -> line.trim().startsWith("USER"));
        assertThat(jvm).contains("ENTRYPOINT [\"/usr/local/bin/recovery\"]", "CMD [\"report\"]",
                "COPY src/main/docker/recovery-jvm.sh /usr/local/bin/recovery");
        assertThat(jvm).anyMatch(line -> line.startsWith("ARG BASE_IMAGE="))
                .anyMatch(line -> line.startsWith("ARG JDK_IMAGE="));
        assertThat(jvm.stream().filter(line -> line.startsWith("ENV ")))
                .containsExactlyElementsOf(nativeImage.stream().filter(line -> line.startsWith("ENV ")).toList());
        assertThat(lines("src/main/docker/recovery-jvm.sh").get(0)).as("dash would drop INPUT_STEP-NUMBER and the like")
                .isEqualTo("#!/bin/bash");
    }
}
