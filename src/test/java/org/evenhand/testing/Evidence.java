package org.evenhand.testing;

import static org.evenhand.testing.Api.as;

import java.util.List;
import java.util.Map;

/** Giving evidence as a party, over HTTP. */
public final class Evidence {

    public static final String NOTICE = "evidence-consent-2026.1";
    public static final Map<String, String> CONSENT = Map.of("noticeVersion", NOTICE, "purpose", "complaint-handling");

    private Evidence() {
    }

    public static Map<String, Object> text(String text, List<String> thread) {
        return Map.of("kind", "text", "text", text, "threadContext", thread, "attestPartyToExchange", true,
                "consent", CONSENT);
    }

    public static long give(String member, String ref, Map<String, Object> body) {
        return ((Number) as(member).body(body).post("/api/me/cases/" + ref + "/evidence").then().statusCode(201)
                .extract().path("id")).longValue();
    }
}
