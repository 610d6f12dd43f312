package io.github.recoveryaction.github.fake;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.recoveryaction.github.fake.FakeHttpServer.RecordedRequest;
import io.github.recoveryaction.github.fake.FakeHttpServer.Response;

/** GitHub's answers as the fakes of its REST API give them: JSON bodies, its 404 and 403 messages, query strings. */
final class FakeResponses {

    static final ObjectMapper JSON = new ObjectMapper();

    private FakeResponses() {
    }

    static Map<String, String> query(RecordedRequest r) {
        Map<String, String> query = new HashMap<>();
        if (r.query() != null) {
            for (String pair : r.query().split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    static Response found(JsonNode node) {
        return node == null ? notFound() : json(200, node);
    }

    static Response notFound() {
        return Response.json(404, "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\","
                + "\"status\":\"404\"}");
    }

    static Response forbidden() {
        return Response.json(403, "{\"message\":\"Resource not accessible by integration\","
                + "\"documentation_url\":\"https://docs.github.com/rest/issues/comments#create-an-issue-comment\","
                + "\"status\":\"403\"}");
    }

    static Response json(int status, JsonNode node) {
        try {
            return Response.json(status, JSON.writeValueAsString(node));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
