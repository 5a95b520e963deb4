package org.evenhand.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document, as served, passes an independent linter (Redocly, recommended rules) with no
 * error and no warning: operation ids, security on every operation (empty for public ones), servers,
 * licence, tag descriptions.
 */
@QuarkusTest
class OpenApiLintTest {

    @Test
    void theServedDocumentPassesRedoclysRecommendedRules() throws Exception {
        String yaml = given().accept("application/yaml").get("/q/openapi").then().statusCode(200).extract().asString();
        Path file = Path.of("target", "openapi.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
        Process lint = new ProcessBuilder("bash", "scripts/lint-openapi.sh", file.toString()).redirectErrorStream(true)
                .directory(new File(".")).start();
        String out = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(lint.waitFor(5, TimeUnit.MINUTES), "redocly finished");
        System.out.println("redocly lint of /q/openapi:\n" + out);
        assertEquals(0, count(out, "error"), "errors:\n" + out);
        assertEquals(0, count(out, "warning"), "warnings:\n" + out);
        assertEquals(0, lint.exitValue(), out);
        assertTrue(out.contains("Woohoo! Your API description is valid") || out.contains("is valid"), out);
    }

    @Test
    void enumsAndLimitsAreAsTheServerAcceptsThem() throws Exception {
        io.restassured.path.json.JsonPath doc = given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        java.util.List<String> published = doc.getList("components.schemas.LawfulBasis.enum");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.List<String> accepted = new java.util.ArrayList<>();
        for (org.evenhand.evidence.EvidenceRecords.LawfulBasis b : org.evenhand.evidence.EvidenceRecords.LawfulBasis.values()) {
            String wire = json.writeValueAsString(b).replace("\"", "");
            assertEquals(b, json.readValue("\"" + wire + "\"", org.evenhand.evidence.EvidenceRecords.LawfulBasis.class));
            accepted.add(wire);
        }
        assertEquals(accepted, published, "the lawful bases published are the ones accepted");
        assertTrue(published.contains("art-9-2-d"));
        int maxThread = doc.getInt("components.schemas.Submission.properties.threadContext.maxItems");
        assertEquals(org.evenhand.common.FieldLimits.THREAD_MESSAGES, maxThread, "thread context limit as enforced");
    }

    /** Redocly's summary: "N errors" / "N warnings" (absent when none). */
    static int count(String out, String kind) {
        Matcher m = Pattern.compile("(\\d+) " + kind + "s?\\b").matcher(out);
        int n = 0;
        while (m.find()) {
            n = Math.max(n, Integer.parseInt(m.group(1)));
        }
        return n;
    }
}
