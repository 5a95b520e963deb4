package org.evenhand.common;

/**
 * How an error reaches a person in a browser rather than a client program: the web kit renders a
 * page (title, language, main landmark, a way back) for any status. Used where a request fails
 * before a page resource runs (body limits, unreadable forms), so that such failures are pages too.
 */
public interface ErrorPages {

    /** The whole HTML document for this status; {@code detail} is a plain sentence or null. */
    String render(int status, String detail);

    /** Pages are everything outside the API, Quarkus' own endpoints and static files served as is. */
    static boolean isPage(String path) {
        return path != null && !path.startsWith("/api/") && !path.equals("/api") && !path.startsWith("/q/");
    }
}
