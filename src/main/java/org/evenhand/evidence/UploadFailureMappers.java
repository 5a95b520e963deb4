package org.evenhand.evidence;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import org.evenhand.common.FailureMappers;
import org.evenhand.common.Problems;
import org.evenhand.common.ProblemException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;

/**
 * A multipart body Quarkus cannot parse (cut off, never closed, malformed) fails before any
 * resource runs; without this it was a 500. It is a 400 problem+json, and since no resource ran,
 * nothing was stored. (Page forms answer with a page: pages.MemberPages maps the same failures
 * with {@link UploadParts#broken}.) Any other I/O failure stays an unexpected 500.
 */
public class UploadFailureMappers {

    @ServerExceptionMapper
    public Response io(IOException e, HttpHeaders headers, UriInfo uri) {
        return UploadParts.broken(e, headers.getHeaderString(HttpHeaders.CONTENT_TYPE)).map(p -> response(p, uri))
                .orElseGet(() -> new FailureMappers().unexpected(e, uri));
    }

    @ServerExceptionMapper
    public Response malformed(MultipartParser.MalformedMessageException e, HttpHeaders headers, UriInfo uri) {
        return UploadParts.broken(e, headers.getHeaderString(HttpHeaders.CONTENT_TYPE)).map(p -> response(p, uri))
                .orElseGet(() -> new FailureMappers().unexpected(e, uri));
    }

    private static Response response(ProblemException p, UriInfo uri) {
        return Response.status(p.status()).type(Problems.PROBLEM_JSON)
                .entity(p.toProblem(uri == null ? null : "/" + uri.getPath().replaceFirst("^/", ""))).build();
    }
}
