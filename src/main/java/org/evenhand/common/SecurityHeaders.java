package org.evenhand.common;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The one place security headers are set, on every HTTP response as it is written (pages, API,
 * errors, redirects to sign in): HTML gets a strict Content-Security-Policy (our own scripts,
 * stylesheet and images only, no inline script, no framing), a referrer policy and X-Frame-Options
 * for old browsers; everything gets nosniff; API answers are never stored by caches.
 */
@ApplicationScoped
public class SecurityHeaders {

    /**
     * Pages load scripts, styles, images and data from this site only: no inline script, nothing
     * from other origins, no framing. Images may be data: URLs (the diagram viewer's required
     * bpmn.io mark is one).
     */
    public static final String PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none';"
            + " frame-ancestors 'none'; " + SecurityHeaders.DIAGRAM_STYLE_ATTRIBUTES;

    /**
     * The process diagram viewer (bpmn-js 8.0.0, pages under /process and the case pages) writes a
     * few fixed style attributes: its text-measuring helper, its overlay container and the bpmn.io
     * mark its licence requires to be shown. Exactly those values are allowed, by hash; no other
     * inline style is. (Browsers without style-src-attr fall back to style-src, and the stylesheet
     * positions the mark instead.) A new bpmn-js version needs its hashes here; the browser suite
     * fails on any blocked style.
     */
    static final String DIAGRAM_STYLE_ATTRIBUTES = "style-src-attr 'unsafe-hashes'"
            + " 'sha256-F1/lIJB2HC2RT+RPHwCjlrUMGQft2PdUC4nHeQ7MKsc='" // visibility: hidden; position: fixed
            + " 'sha256-AHtqGIKHiUalONG+xeO90E9yUgWLoWuygINiCuiaBnA='" // position: absolute; width: 0; height: 0;
            + " 'sha256-HrvAPhJHDMpEBcplBvvwyxAYUF0koC1/uv7HLEC0aqg='" // position: absolute
            + " 'sha256-j2t/iYgmiK/9tDIa+YLs3dUK18D+PDjuKi+KxuYXU/w='" // the bpmn.io mark
            + " 'sha256-CA/eh4+2R0J7cEQ14gBMtx834RIOjzMUqCM+evtrkp4='" // vertical-align:middle
            + " 'sha256-JpvvTIK7ulxf/3oA+AUuVbO9Labs8npGWGm9X9nGIWw='" // the mark's lightbox
            + " 'sha256-9OIpRRx0bq4t4s2zyqbocMNwedniLDaxLB+FlLIjNgM='"
            + " 'sha256-GAdrtwahSjGXI0UQQnfyEVtPn+wfgQxvyrjyQuByfuU='"
            + " 'sha256-OiHWqvo9dpVH2ZTYJl3A+IJzE/VCEoC16CMSpFs+v0E='";
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
