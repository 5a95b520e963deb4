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
        JsonErrors.Described d = JsonErrors.describe(e);
        return Problems.response(400, "malformed-body", "Malformed request body", d.detail(), path(uri), d.errors());
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
        if (status == 400 && e.getCause() != null) {
            return json(e.getCause(), uri);
        }
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return Problems.response(status, "http-" + status, title, plainDetail(status, e), path(uri), List.of());
    }

    private Response json(Throwable cause, UriInfo uri) {
        JsonErrors.Described d = JsonErrors.describe(cause);
        return Problems.response(400, "malformed-body", "Malformed request body", d.detail(), path(uri), d.errors());
    }

    /** The framework's own messages ("HTTP 405 Method Not Allowed") say nothing a client can act on. */
    static String plainDetail(int status, WebApplicationException e) {
        return switch (status) {
            case 400 -> "the request could not be read: check the body is complete and of the declared Content-Type,"
                    + " and that path and query values have the documented form";
            case 404 -> "there is nothing at this path (see /q/openapi for the API's paths)";
            case 405 -> "this path does not take the " + "method used; see /q/openapi for the methods it takes";
            case 406 -> "this endpoint cannot answer in the media type asked for in Accept";
            case 415 -> "this endpoint does not take a body of that Content-Type (see /q/openapi)";
            default -> e.getResponse().getStatusInfo().getReasonPhrase();
        };
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }


    private static String lastNode(String path) {
        int i = path.lastIndexOf('.');
        return i < 0 ? path : path.substring(i + 1);
    }

}
