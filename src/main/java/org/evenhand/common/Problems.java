package org.evenhand.common;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

public final class Problems {

    public static final String TYPE_BASE = "https://evenhand.example/problems/";
    public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

    private Problems() {
    }

    public static Response response(int status, String slug, String title, String detail, String instance,
            List<Problem.FieldError> errors) {
        return Response.status(status).type(PROBLEM_JSON)
                .entity(new Problem(TYPE_BASE + slug, title, status, detail, instance, errors)).build();
    }
}
