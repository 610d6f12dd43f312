package io.github.recoveryaction.classify.rules;

import static io.github.recoveryaction.classify.rules.RuleTestSupport.classify;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.FailureType;

class InfraRulesTest {

    @Test
    void terraformConfigErrorGivesFileAndLine() {
        Classification c = classify("""
                ╷
                │ Error: Unsupported argument
                │
                │   on main.tf line 12, in resource "aws_instance" "web":
                │   12:   instance_typ = "t3.micro"
                ╵
                """);
        assertThat(c.failureType()).isEqualTo(FailureType.CONFIGURATION_ERROR);
        assertThat(c.details().locations()).anySatisfy(l -> {
            assertThat(l.file()).isEqualTo("main.tf");
            assertThat(l.line()).hasValue(12);
        });
    }

    @Test
    void providerApiErrorsAreTypedByTheirCode() {
        Classification denied = classify(
                """
                        │ Error: creating EC2 Instance: operation error EC2: RunInstances, https response error StatusCode: 403, RequestID: 5a, api error UnauthorizedOperation: You are not authorized to perform this operation.
                        │
                        │   with aws_instance.web,
                        │   on main.tf line 5, in resource "aws_instance" "web":
                        """);
        assertThat(denied.failureType()).isEqualTo(FailureType.PERMISSION_ERROR);
        Classification conflict = classify(
                """
                        │ Error: creating S3 Bucket (assets): operation error S3: CreateBucket, https response error StatusCode: 409, BucketAlreadyExists:
                        │
                        │   with aws_s3_bucket.assets,
                        │   on main.tf line 1, in resource "aws_s3_bucket" "assets":
                        """);
        assertThat(conflict.rule()).isEqualTo("terraform.provider-error");
    }

    @Test
    void providerRegistryUnreachableIsNetworkButUnknownProviderIsDependency() {
        assertThat(classify(
                "│ Could not retrieve the list of available versions for provider hashicorp/aws: could not connect to registry.terraform.io: failed to request discovery document\n")
                .failureType()).isEqualTo(FailureType.NETWORK_ERROR);
        assertThat(classify(
                "│ Could not retrieve the list of available versions for provider hashicorp/awss: provider registry registry.terraform.io does not have a provider named registry.terraform.io/hashicorp/awss\n")
                .failureType()).isEqualTo(FailureType.DEPENDENCY_ERROR);
    }

    @Test
    void helmAndKubectlWaitLimitsAreTimeoutsBelowEnvironmentErrors() {
        assertThat(classify("Error: INSTALLATION FAILED: context deadline exceeded\n").failureType())
                .isEqualTo(FailureType.TIMEOUT);
        assertThat(classify("error: deployment \"api\" exceeded its progress deadline\n").failureType())
                .isEqualTo(FailureType.TIMEOUT);
        assertThat(classify(
                "error: timed out waiting for the condition\nError from server (Forbidden): pods is forbidden: User \"ci\" cannot list resource \"pods\"\n")
                .failureType()).isEqualTo(FailureType.PERMISSION_ERROR);
    }

    @Test
    void kubectlWithoutKubeconfigIsConfigurationNotNetwork() {
        Classification c = classify(
                "The connection to the server localhost:8080 was refused - did you specify the right host or port?\n");
        assertThat(c.failureType()).isEqualTo(FailureType.CONFIGURATION_ERROR);
        assertThat(classify("Unable to connect to the server: dial tcp 10.20.0.4:443: i/o timeout\n").failureType())
                .isEqualTo(FailureType.NETWORK_ERROR);
    }

    @Test
    void ansibleUnreachableIsNetworkUnlessTheKeyWasRefused() {
        assertThat(classify(
                "fatal: [web1]: UNREACHABLE! => {\"msg\": \"Failed to connect to the host via ssh: ssh: connect to host 10.0.1.12 port 22: Connection timed out\", \"unreachable\": true}\n")
                .failureType()).isEqualTo(FailureType.NETWORK_ERROR);
        assertThat(classify(
                "fatal: [web1]: UNREACHABLE! => {\"msg\": \"Failed to connect to the host via ssh: deploy@10.0.1.12: Permission denied (publickey).\", \"unreachable\": true}\n")
                .failureType()).isEqualTo(FailureType.PERMISSION_ERROR);
    }

    @Test
    void ansibleTaskFailureWithoutAKnownCauseStaysUnknownWithEvidence() {
        Classification c = classify("""
                fatal: [app1]: FAILED! => {"changed": false, "msg": "Unable to restart service app"}
                app1                       : ok=7    changed=2    unreachable=0    failed=1    skipped=0
                """);
        assertThat(c.failureType()).isNotEqualTo(FailureType.TEST_FAILURE);
        assertThat(c.decidedByRule()).isFalse();
        assertThat(c.evidence()).anyMatch(e -> e.text().startsWith("fatal: [app1]: FAILED!"));
    }

    @Test
    void cloudCliAuthErrorsArePermissionErrors() {
        assertThat(
                classify("Unable to locate credentials. You can configure credentials by running \"aws configure\".\n").rule())
                .isEqualTo("aws.credentials-missing");
        assertThat(classify(
                "An error occurred (ExpiredToken) when calling the GetCallerIdentity operation: The security token included in the request is expired\n")
                .rule()).isEqualTo("aws.access-denied");
        assertThat(classify("ERROR: (gcloud.run.deploy) PERMISSION_DENIED: Permission 'run.services.get' denied on resource\n")
                .rule())
                .isEqualTo("gcloud.auth");
        assertThat(classify("ERROR: Please run 'az login' to setup account.\n").rule()).isEqualTo("az.auth");
        assertThat(
                classify("An error occurred (ThrottlingException) when calling the DescribeStacks operation: Rate exceeded\n")
                        .failureType())
                .isEqualTo(FailureType.NETWORK_ERROR);
    }
}
