package org.evenhand.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves the API as RFC 7807 problem+json; only genuine server faults are 500s.
 * A missing or invalid token is left to Quarkus' authentication challenge: 401 with
 * WWW-Authenticate on /api, a redirect to the Keycloak login page on pages.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return Response.status(e.status()).type(Problems.PROBLEM_JSON).entity(e.toProblem(path(uri))).build();
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        String detail;
        String field = null;
        if (e instanceof UnrecognizedPropertyException u) {
            field = u.getPropertyName();
            detail = "unknown field '" + field + "'";
        } else if (e instanceof InvalidFormatException f) {
            field = fieldPath(f);
            detail = "value " + abbreviate(String.valueOf(f.getValue())) + " is not a valid "
                    + f.getTargetType().getSimpleName();
        } else if (e instanceof MismatchedInputException m) {
            field = fieldPath(m);
            detail = "wrong type" + (field.isEmpty() ? "" : " for '" + field + "'");
        } else {
            detail = "the body is not valid JSON";
        }
        List<Problem.FieldError> errors = field == null || field.isEmpty() ? List.of()
                : List.of(new Problem.FieldError(field, detail));
        return Problems.response(400, "malformed-body", "Malformed request body", detail, path(uri), errors);
    }

    // Quarkus has built-in mappers for these subtypes; more specific mappers of our own take precedence.
    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response unrecognized(UnrecognizedPropertyException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response parse(com.fasterxml.jackson.core.JsonParseException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .collect(Collectors.toList());
        String detail = errors.stream().map(x -> x.field() + ": " + x.message()).collect(Collectors.joining("; "));
        return Problems.response(400, "invalid-request", "Invalid request", detail, path(uri), errors);
    }


    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("server error", e);
        }
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return Problems.response(status, "http-" + status, title, e.getMessage(), path(uri), List.of());
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    private static String fieldPath(MismatchedInputException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String lastNode(String path) {
        int i = path.lastIndexOf('.');
        return i < 0 ? path : path.substring(i + 1);
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? "'" + s.substring(0, 40) + "…'" : "'" + s + "'";
    }
}
