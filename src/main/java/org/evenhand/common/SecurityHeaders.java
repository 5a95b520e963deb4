package org.evenhand.common;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The one place security headers are set, on every HTTP response as it is written (pages, API,
 * errors, redirects to sign in): HTML gets a strict Content-Security-Policy (nothing but our own
 * stylesheet and images, no scripts, no framing), a referrer policy and X-Frame-Options for old
 * browsers; everything gets nosniff; API answers are never stored by caches.
 */
@ApplicationScoped
public class SecurityHeaders {

    /** Pages carry no scripts and nothing from other origins. */
    public static final String PAGE_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
            + " base-uri 'none'; frame-ancestors 'none'";
    /** Quarkus' own tool pages under /q/ (Swagger UI) need inline scripts; they still cannot be framed. */
    static final String TOOL_CSP = "frame-ancestors 'none'";

    void install(@Observes Filters filters) {
        filters.register(ctx -> {
            String path = ctx.request().path();
            ctx.addHeadersEndHandler(v -> apply(path, ctx.response().headers()));
            ctx.next();
        }, 2000);
    }

    static void apply(String path, MultiMap headers) {
        headers.set("X-Content-Type-Options", "nosniff");
        String type = headers.get("Content-Type");
        if (type != null && type.toLowerCase().startsWith("text/html")) {
            if (!headers.contains("Content-Security-Policy")) {
                headers.set("Content-Security-Policy", path != null && path.startsWith("/q/") ? TOOL_CSP : PAGE_CSP);
            }
            headers.set("Referrer-Policy", "same-origin");
            headers.set("X-Frame-Options", "DENY");
        }
        if (path != null && path.startsWith("/api/") && !headers.contains("Cache-Control")) {
            headers.set("Cache-Control", "no-store");
        }
    }
}
