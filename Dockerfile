# The action's image: the native executable of `recovery` on a minimal base.
# GitHub runs container actions as the image's user and requires root (no USER line): the workspace and the
# file-command files belong to the runner.
ARG BUILDER_IMAGE=quay.io/quarkus/ubi9-quarkus-mandrel-builder-image:jdk-25
ARG RUNTIME_IMAGE=quay.io/quarkus/ubi9-quarkus-micro-image:2.0
ARG MAVEN_VERSION=3.9.11

FROM ${BUILDER_IMAGE} AS build
ARG MAVEN_VERSION
USER root
WORKDIR /build
RUN curl -fsSL "https://archive.apache.org/dist/maven/maven-3/${MAVEN_VERSION}/binaries/apache-maven-${MAVEN_VERSION}-bin.tar.gz" \
      | tar -xz -C /opt \
    && ln -s "/opt/apache-maven-${MAVEN_VERSION}/bin/mvn" /usr/local/bin/mvn
COPY pom.xml .
RUN mvn -B -ntp -q dependency:go-offline || true
COPY src ./src
RUN mvn -B -ntp package -DskipTests -Dnative \
    && cp target/*-runner /build/recovery

FROM ${RUNTIME_IMAGE}
LABEL org.opencontainers.image.source="https://github.com/recovery-action/recovery-action" \
      org.opencontainers.image.description="recovery-action: classify failed CI steps, plan and publish their recovery" \
      org.opencontainers.image.licenses="MIT"
# JGit must not run `git` to look for a system configuration that does not exist here.
ENV GIT_CONFIG_NOSYSTEM=1
COPY --from=build /build/recovery /usr/local/bin/recovery
ENTRYPOINT ["/usr/local/bin/recovery"]
CMD ["report"]
