package io.github.recoveryaction.github;

import org.eclipse.jgit.internal.JGitText;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Reflection the native image needs beyond what libraries declare themselves (hub4j ships its own
 * {@code reflect-config.json}): JGit fills its message bundle's public fields reflectively. The bundle's
 * properties are included by {@code quarkus.native.resources.includes}.
 */
@RegisterForReflection(targets = JGitText.class, fields = true, methods = false)
final class NativeReflection {

    private NativeReflection() {
    }
}
