package org.evenhand.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.evenhand.identity.RealKeycloak;
import org.evenhand.testing.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pages in a real browser: runs the browser suite (scripts/browser-suite.sh, src/test/browser)
 * against this running application and the real Keycloak. The suite signs in through Keycloak's
 * login page as each role, walks a complaint from filing to decision to appeal using only the
 * pages, checks every page with axe-core at phone and desktop width and screenshots it, and checks
 * that forms refuse bad input next to the field, keep what was typed and refuse forged requests.
 * Screenshots and report.json are left in target/browser-suite.
 */
@QuarkusTest
@TestProfile(RealKeycloak.class)
class PagesEndToEndTest {

    static final Duration LIMIT = Duration.ofMinutes(20);
    static final String AUDIT_SPEC = """
            {"seed": 51, "members": 3000, "cases": 6000, "from": "2011-01-01", "to": "2011-12-31",
             "bias": {"faction": "right", "tier": 3, "upheld": 1.6}}""";

    @TestHTTPResource("/")
    URL app;

    @BeforeAll
    static void keycloakTokens() {
        RealKeycloak.forgetTokens();
        Api.useTokens(RealKeycloak::token);
    }

    @AfterAll
    static void mintedTokens() {
        Api.useTokens(null);
    }

    @Test
    void theBrowserSuitePasses() throws Exception {
        String overdue = overdueCase();
        // a year of synthetic history, with a bias the fairness audit must flag, in a region of its own
        String region = org.evenhand.audit.AuditTestData.region("pages", AUDIT_SPEC);
        Path root = Path.of("").toAbsolutePath();
        Path out = root.resolve("target/browser-suite");
        String base = "http://localhost:" + app.getPort();
        ProcessBuilder suite = new ProcessBuilder("bash", root.resolve("scripts/browser-suite.sh").toString())
                .directory(root.toFile()).redirectErrorStream(true);
        Map<String, String> env = suite.environment();
        env.put("OUT_DIR", out.toString());
        env.put("OVERDUE_CASE", overdue);
        env.put("AUDIT_REGION", region);
        env.put("AUDIT_FROM", "2011-01-01");
        env.put("AUDIT_TO", "2011-12-31");
        env.put("EVENHAND_DEMO_PASSWORD", RealKeycloak.secret("EVENHAND_DEMO_PASSWORD"));
        // a local run on a port the shared Keycloak will not redirect to: the browser is told the app is at
        // EVENHAND_BROWSER_BASE_URL and the suite forwards to the real one (the app must trust X-Forwarded-Host)
        String seen = System.getenv("EVENHAND_BROWSER_BASE_URL");
        if (seen != null && !seen.isBlank()) {
            env.put("BASE_URL", seen);
            env.put("ROUTE_TO", base);
        } else {
            env.put("BASE_URL", base);
        }
        Instant start = Instant.now();
        Process p = suite.start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            lines.lines().forEach(l -> System.out.println("[browser] " + l));
        }
        boolean ended = p.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        System.out.println("[browser] suite took " + Duration.between(start, Instant.now()).toSeconds() + "s");
        assertTrue(ended, "the browser suite did not finish within " + LIMIT);
        assertEquals(0, p.exitValue(), "the browser suite failed: see the [browser] lines above, and "
                + out.resolve("report.json") + " with the screenshots beside it");
        assertTrue(Files.exists(out.resolve("report.json")), "the suite writes its report");
    }

    /**
     * A complaint filed as if ten days ago (engine clock moved back for the filing only), so that its
     * triage is past the seven-day target when the suite looks at the caseworkers' queue.
     */
    static String overdueCase() {
        ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofDays(10))));
        try {
            return Api.file("dan", "M100005", LocalDate.now().minusDays(12), List.of("intimidation"),
                    "After the branch meeting the respondent messaged me that I would regret speaking against the motion.");
        } finally {
            ClockUtil.reset();
        }
    }
}
