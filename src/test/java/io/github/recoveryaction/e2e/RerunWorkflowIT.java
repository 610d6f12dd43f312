package io.github.recoveryaction.e2e;

import io.quarkus.test.junit.main.QuarkusMainIntegrationTest;

@QuarkusMainIntegrationTest
class RerunWorkflowIT extends RerunWorkflowTest {
}
