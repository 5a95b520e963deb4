package org.evenhand.web;

import io.vertx.core.Context;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.evenhand.common.ErrorPages;
import org.evenhand.common.Problem;
import org.evenhand.common.Problems;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A page request that ends in a problem (not found, refused by role, the case moved on, wrong method,
 * too many requests, the database away...) is answered with a page, status and headers kept, never
 * raw problem+json: the shared mappers (and trail.RefusedAccessLog, which records refusals) speak for
 * every resource, and this one filter turns their answer into words for a person, so that page
 * resources carry no exception mappers of their own.
 */
public class ProblemsAsPages {

    @Inject
    PageErrors errors;
    @Inject
    ErrorWords words;

    @ServerResponseFilter
    public void toPage(ContainerRequestContext request, ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type == null || !type.isCompatible(Problems.PROBLEM_JSON) || !ErrorPages.isPage(request.getUriInfo().getPath())) {
            return;
        }
        int status = response.getStatus();
        String html;
        if (Context.isOnEventLoopThread()) {
            // the full layout asks who is signed in (a database read): not on the I/O thread
            html = PageErrors.plain(words, status);
        } else {
            html = (String) errors.of(status, response.getEntity() instanceof Problem p ? p : null).getEntity();
        }
        response.setEntity(html, null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
