package io.github.recoveryaction.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class JsonReportRendererTest {

    private final JsonReportRenderer renderer = new JsonReportRenderer(Redactor.builtIn());
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void planHasTheContractShape() throws Exception {
        FailureReport r = ReportFixtures.mavenTestFailure();
        JsonNode plan = mapper.readTree(renderer.renderPlan(r.plan()));
        assertThat(plan.get("failureType").asText()).isEqualTo("test_failure");
        assertThat(plan.get("lane").asText()).isEqualTo("standard");
        JsonNode first = plan.get("actions").get(0);
        assertThat(first.get("strategy").asText()).isEqualTo("retry");
        assertThat(first.get("recommended").asBoolean()).isFalse();
        assertThat(first.get("commands").get(0).asText()).startsWith("mvn -B test -Dtest=com.shop.CartTest#addsItem");
        assertThat(first.get("estimatedMinutes").asInt()).isEqualTo(10);
        assertThat(first.get("successCriteria")).isNotEmpty();
        assertThat(first.get("rollbackSteps")).isNotEmpty();
        assertThat(plan.get("escalation").get("description").asText()).isNotBlank();
    }

    @Test
    void reportIsTheClassificationPlusAPlan() throws Exception {
        FailureReport r = ReportFixtures.mavenTestFailure();
        String line = renderer.render(r);
        assertThat(line).doesNotContain("\n");
        JsonNode node = mapper.readTree(line);
        JsonNode classification = ClassificationJson.toNode(r.classification());
        classification.fieldNames().forEachRemaining(k -> assertThat(node.get(k).toString()).as(k)
                .isEqualTo(classification.get(k).toString()));
        assertThat(node.get("plan").get("actions")).hasSize(2);
        assertThat(node.get("links").get("step").asText()).endsWith("/job/123456789#step:5:1");
    }
}
