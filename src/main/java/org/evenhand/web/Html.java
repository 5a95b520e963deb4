package org.evenhand.web;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * How pages answer: HTML never stored by caches (pages carry personal data), redirects after a
 * POST. The security headers (CSP and the rest) are set for every page by common.SecurityHeaders.
 */
public final class Html {

    private Html() {
    }

    public static Response ok(TemplateInstance page) {
        return page(200, page);
    }

    public static Response page(int status, TemplateInstance page) {
        String html = render(page);
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store").header("Content-Language",
                        page.getAttribute("locale") instanceof java.util.Locale l ? l.toLanguageTag() : null)
                .entity(html).build();
    }

    /**
     * A page rendered in the reader's language (decision 0036): its message bundles and dates follow
     * the locale set here, which {@link PageLanguage} chooses; every page is rendered through this.
     */
    public static String render(TemplateInstance page) {
        if (Arc.container().requestContext().isActive()) {
            page.setLocale(Arc.container().instance(PageLanguage.class).get().locale());
        }
        return page.render();
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
