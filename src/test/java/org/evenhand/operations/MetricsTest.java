package org.evenhand.operations;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.evenhand.testing.Api.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evenhand.testing.Db;
import org.junit.jupiter.api.Test;

/**
 * {@code /q/metrics} (decision 0032): served on the management port only, in Prometheus text, with
 * the HTTP, pool and JVM metrics of the extensions and every evenhand_* gauge, whose values follow
 * what is in the database.
 */
@QuarkusTest
class MetricsTest {

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    static final List<String> GAUGES = List.of("evenhand_outbox_pending", "evenhand_outbox_oldest_age_seconds",
            "evenhand_starter_backlog", "evenhand_starter_retrying", "evenhand_starter_oldest_age_seconds",
            "evenhand_trail_unchained", "evenhand_trail_unchained_oldest_age_seconds", "evenhand_trail_unanchored",
            "evenhand_trail_anchor_age_seconds", "evenhand_engine_jobs_due", "evenhand_engine_jobs_failed");

    String scrape() {
        return given().get(metrics).then().statusCode(200).extract().asString();
    }

    /** The value of one series, e.g. {@code evenhand_cases_open{stage="triage"}}; empty if it is not there. */
    static OptionalDouble value(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([-+0-9.eE]+|NaN)$").matcher(text);
        return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
    }

    static double required(String text, String series) {
        OptionalDouble v = value(text, series);
        assertTrue(v.isPresent(), series + " is scraped:\n" + text.lines().filter(l -> l.startsWith("evenhand")).toList());
        assertTrue(!Double.isNaN(v.getAsDouble()) && v.getAsDouble() >= 0, series + " = " + v.getAsDouble());
        return v.getAsDouble();
    }

    @Test
    void theNamedGaugesFollowTheDatabase() {
        double triageBefore = required(scrape(), "evenhand_cases_open{stage=\"triage\"}");
        String ref = file("frank", "M100003", LocalDate.of(2026, 8, 8), List.of("bullying"),
                "Metrics: mocking posts about my stammer after each of my speeches at branch meetings.");
        Db.awaitAllStarted();
        long triage = Db.count("SELECT count(*) FROM cases WHERE status = 'OPEN' AND stage = 'triage'");
        assertTrue(triage >= 1, ref + " waits in triage");
        // the gauge counts the same cases as the database (other tests' cases included)
        await().atMost(Duration.ofSeconds(10)).until(() -> value(scrape(), "evenhand_cases_open{stage=\"triage\"}")
                .orElse(-1) == Db.count("SELECT count(*) FROM cases WHERE status = 'OPEN' AND stage = 'triage'"));
        assertTrue(required(scrape(), "evenhand_cases_open{stage=\"triage\"}") > triageBefore);

        String text = scrape();
        GAUGES.forEach(g -> required(text, g));
        for (String stage : List.of("received", "starting", "triage", "awaitResponse", "investigate", "panelDecision",
                "appealWindow", "hearAppeal")) {
            required(text, "evenhand_cases_open{stage=\"" + stage + "\"}");
        }
        assertEquals(0, required(text, "evenhand_starter_backlog"), "every case was started");
        // anchors are exported on demand in the tests: the complaint's actions are after the latest one
        assertTrue(required(text, "evenhand_trail_unanchored") >= 1, "the filing is on the trail, not anchored yet");
        assertEquals(Db.count("SELECT count(*) FROM act_ru_job WHERE retries_ = 0"),
                required(text, "evenhand_engine_jobs_failed"));
        // the extensions' own: HTTP server requests, the connection pool, the JVM
        assertTrue(text.contains("http_server_requests_seconds_count{"), "HTTP server metrics");
        assertTrue(text.contains("agroal_active_count"), "datasource pool metrics");
        assertTrue(text.contains("jvm_memory_used_bytes"), "JVM metrics");
    }

    @Test
    void metricsAreNotOnThePublicPort() {
        given().get("/q/metrics").then().statusCode(404);
        assertTrue(metrics.getPort() != io.restassured.RestAssured.port, "management port " + metrics.getPort());
    }
}
