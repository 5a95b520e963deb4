package org.evenhand.pages;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** How pages answer: HTML never stored by caches (pages carry personal data), redirects after a POST. */
public final class Html {

    /**
     * Scripts and styles from this site only (no inline script, nothing from elsewhere); images may
     * be data: URLs, which the diagram viewer's required bpmn.io mark uses.
     */
    public static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; "
            + Html.DIAGRAM_STYLE_ATTRIBUTES;

    /**
     * The process diagram viewer (bpmn-js 8.0.0) writes a few fixed style attributes: its text
     * measuring helper, its overlay container and the bpmn.io mark its licence requires us to show.
     * Exactly those values are allowed, by hash; no other inline style is. (Browsers without
     * style-src-attr fall back to style-src and the stylesheet positions the mark instead.)
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

    private Html() {
    }

    public static Response ok(TemplateInstance page) {
        return page(200, page);
    }

    public static Response page(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin")
                .entity(page.render()).build();
    }

    /** The confirmation for a "done" code in the query, or null (unknown codes show nothing). */
    public static String message(java.util.Map<String, String> messages, String code) {
        return code == null ? null : messages.get(code);
    }

    /** 303 See Other: after a form is accepted, the browser GETs the page that shows the result. */
    public static Response seeOther(String location) {
        return Response.seeOther(URI.create(location)).header("Cache-Control", "no-store").build();
    }
}
