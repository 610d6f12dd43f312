package io.github.recoveryaction.github;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.recoveryaction.ToolException;

/**
 * The results service's ids of the workflow run and the job, taken from the {@code scp} claim of the runtime token
 * ({@code Actions.Results:<run backend id>:<job backend id>}); the signature is not checked, the service does that.
 */
public record BackendIds(String workflowRunBackendId, String workflowJobRunBackendId) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static BackendIds fromRuntimeToken(String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            throw invalid("it is not a JWT");
        }
        JsonNode claims;
        try {
            claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(pad(parts[1])), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | IOException e) {
            throw invalid("its claims are not base64url JSON");
        }
        for (String scope : claims.path("scp").asText("").split(" ")) {
            String[] fields = scope.split(":");
            if (fields.length > 0 && fields[0].equals("Actions.Results")) {
                if (fields.length != 3 || fields[1].isBlank() || fields[2].isBlank()) {
                    throw invalid("its Actions.Results scope does not name a run and a job");
                }
                return new BackendIds(fields[1], fields[2]);
            }
        }
        throw invalid("it has no Actions.Results scope");
    }

    private static String pad(String base64) {
        return base64 + "=".repeat((4 - base64.length() % 4) % 4);
    }

    private static ToolException invalid(String why) {
        return new ToolException(ToolException.Outcome.FAILED, "ACTIONS_RUNTIME_TOKEN is not a usable runtime token ("
                + why + "); run the step inside GitHub Actions or use --store local");
    }
}
