package org.evenhand.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Every state-changing request to a page (anything but GET/HEAD/OPTIONS outside /api and /q) must
 * be a form carrying a valid {@link Csrf} token, and must not come from another site. The API is
 * left alone: it takes bearer tokens, which a browser never attaches by itself.
 */
public class CsrfFilter {

    static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    Csrf csrf;
    @Inject
    SecurityIdentity identity;
    @Inject
    PageErrors errors;

    @ServerRequestFilter(readBody = true)
    public void check(ResteasyReactiveContainerRequestContext request) {
        if (!accepted(request)) {
            request.abortWith(refuse());
        }
    }

    boolean accepted(ResteasyReactiveContainerRequestContext request) {
        if (SAFE.contains(request.getMethod())) {
            return true;
        }
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/api/") || path.startsWith("/q/")) {
            return true;
        }
        if ("cross-site".equalsIgnoreCase(request.getHeaderString("Sec-Fetch-Site"))) {
            return false;
        }
        MediaType type = request.getMediaType();
        boolean form = type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
        if (!form) {
            return false;
        }
        String token = token(request, type);
        return token != null && csrf.valid(identity, token);
    }

    /**
     * The token from the form. Multipart forms (and forms whose fields the resource declares) are
     * parsed by the server already; a form the resource takes whole is read here from the buffered
     * body, which is then put back for the resource.
     */
    private static String token(ResteasyReactiveContainerRequestContext request, MediaType type) {
        if (request.getServerRequestContext() instanceof ResteasyReactiveRequestContext ctx) {
            Object parsed = ctx.getFormParameter(Csrf.FIELD, true, false);
            if (parsed instanceof String s) {
                return s;
            }
        }
        if (!type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE) || !request.hasEntity()) {
            return null;
        }
        try {
            byte[] body = request.getEntityStream().readNBytes(MAX_FORM_BYTES + 1);
            request.setEntityStream(new ByteArrayInputStream(body));
            if (body.length > MAX_FORM_BYTES) {
                return null;
            }
            for (String pair : new String(body, StandardCharsets.US_ASCII).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && Csrf.FIELD.equals(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8))) {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Room for the two longest fields of any form, each at its limit and fully URL-encoded; files go as multipart. */
    static final int MAX_FORM_BYTES = 2 * org.evenhand.common.FieldLimits.LONGEST_TEXT
            * org.evenhand.common.FieldLimits.BYTES_PER_CHARACTER_ENCODED;

    private Response refuse() {
        return errors.page(403, "This form could not be accepted",
                "For your security, a form can only be sent from this site, by the person it was shown to, within"
                        + " 12 hours, and only while they stay signed in. Nothing has been changed. Go back, reload the"
                        + " page and send the form again.");
    }
}
