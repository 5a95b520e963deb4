package org.evenhand.common;

import java.util.ArrayList;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The OpenAPI document says what the server does for every operation: a public one (no role) is
 * marked {@code security: []}, and every operation names the refusal any request can get (400 for a
 * malformed query or body; 401 and 403 where a role is needed) as problem+json. The rest of the
 * document comes from the resources and records themselves (limits from @Size, enums from the
 * constants) and META-INF/openapi.yaml (servers, licence, tags). OpenApiLintTest lints the result.
 */
@io.quarkus.smallrye.openapi.OpenApiFilter(io.quarkus.smallrye.openapi.OpenApiFilter.RunStage.BUILD)
public class OpenApiTruth implements OASFilter {

    static final String PROBLEM = "#/components/schemas/ProblemDetails";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> e : item.getOperations().entrySet()) {
                Operation op = e.getValue();
                boolean secured = op.getSecurity() != null && !op.getSecurity().isEmpty();
                if (!secured) {
                    op.setSecurity(new ArrayList<>());
                }
                APIResponses responses = op.getResponses() == null ? OASFactory.createAPIResponses() : op.getResponses();
                op.setResponses(responses);
                add(responses, "400", "The request is malformed: a value of the wrong form or over its limit,"
                        + " control characters, or a body that is not valid JSON");
                if (secured) {
                    add(responses, "401", "No bearer token, or one that is expired, forged or not issued for Evenhand");
                    add(responses, "403", "The caller's role does not allow this");
                }
            }
        }
    }

    private static void add(APIResponses responses, String code, String description) {
        if (responses.getAPIResponses() != null && responses.getAPIResponses().containsKey(code)) {
            return;
        }
        responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType("application/problem+json",
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM)))));
    }
}
