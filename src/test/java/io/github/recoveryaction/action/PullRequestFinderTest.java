package io.github.recoveryaction.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.github.EventPayload;

class PullRequestFinderTest {

    private final InMemoryGitHubGateway github = new InMemoryGitHubGateway();
    private final PullRequestFinder finder = new PullRequestFinder(github);

    @Test
    void readsPullRequestEventsWithoutCallingTheApi() {
        EventPayload event = EventPayload.parse("{\"number\":7,\"pull_request\":{\"number\":7}}");

        assertThat(finder.find("pull_request", event, Optional.empty())).contains(7);
        assertThat(finder.find("pull_request_target", event, Optional.empty())).contains(7);
        assertThat(github.calls).isEmpty();
    }

    @Test
    void takesTheWorkflowRunsPullRequestWhenListed() {
        EventPayload event = EventPayload.parse("{\"workflow_run\":{\"id\":1,\"head_sha\":\"abc\","
                + "\"pull_requests\":[{\"number\":9}]}}");

        assertThat(finder.find("workflow_run", event, Optional.empty())).contains(9);
    }

    @Test
    void looksUpAForksPullRequestByHeadWhenTheRunListsNone() {
        github.openPullsByHead.put("abc forker:fix", 12);
        EventPayload event = EventPayload.parse("{\"workflow_run\":{\"id\":1,\"head_sha\":\"abc\",\"head_branch\":\"fix\","
                + "\"pull_requests\":[],\"head_repository\":{\"owner\":{\"login\":\"forker\"}}}}");

        assertThat(finder.find("workflow_run", event, Optional.empty())).contains(12);
        assertThat(github.calls).containsExactly("findOpenPullRequest abc forker:fix");
    }

    @Test
    void findsThePullRequestOfAPushedCommit() {
        github.commitPulls.put("def", List.of(4, 2));

        assertThat(finder.find("push", EventPayload.parse("{\"after\":\"def\"}"), Optional.of("other"))).contains(4);
        assertThat(finder.find("schedule", EventPayload.EMPTY, Optional.of("def"))).isEmpty();
    }
}
