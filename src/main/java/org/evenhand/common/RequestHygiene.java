package org.evenhand.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses, before any resource runs, a path or query that carries control characters (a NUL
 * cannot be stored by PostgreSQL; CR/LF are header-injection material) or is absurdly long.
 */
public class RequestHygiene {

    static final int MAX_PARAMETER_LENGTH = 2000;

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (anyControl(path)) {
            return refuse(path, "the path contains a control character");
        }
        for (Map.Entry<String, List<String>> e : request.getUriInfo().getQueryParameters().entrySet()) {
            for (String v : e.getValue()) {
                if (anyControl(e.getKey()) || anyControl(v)) {
                    return refuse(path, "query parameter '" + e.getKey() + "' contains a control character");
                }
                if (v.length() > MAX_PARAMETER_LENGTH) {
                    return refuse(path, "query parameter '" + e.getKey() + "' is longer than " + MAX_PARAMETER_LENGTH
                            + " characters");
                }
            }
        }
        return null;
    }

    /** Any control character at all: unlike a JSON text, a URL never needs a line break. */
    static boolean anyControl(String s) {
        return s.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static Response refuse(String path, String detail) {
        return Problems.response(400, "invalid-request", "Invalid request", detail,
                anyControl(path) ? null : path, List.of());
    }
}
