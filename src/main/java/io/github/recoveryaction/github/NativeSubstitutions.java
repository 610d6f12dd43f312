package io.github.recoveryaction.github;

import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.extras.HttpClientGitHubConnector;

import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;

/**
 * Native-image substitutions. hub4j's default connector factory can instantiate OkHttp, which is not on the class
 * path; the image links everything at build time, so that branch is replaced by the JDK client. The action never
 * uses the default connector ({@link RetryingGitHubConnector} is always given), but hub4j initialises it.
 */
final class NativeSubstitutions {

    private NativeSubstitutions() {
    }

    @TargetClass(className = "org.kohsuke.github.internal.DefaultGitHubConnector")
    static final class DefaultGitHubConnectorTarget {

        @Substitute
        static GitHubConnector create(String defaultConnectorProperty) {
            return new HttpClientGitHubConnector();
        }
    }
}
