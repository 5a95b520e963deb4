package org.evenhand.audit;

import static io.restassured.RestAssured.given;
import static org.evenhand.testing.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** GET /api/audit/fairness and the kept reports: who may, what is refused, the three formats, the trail. */
@QuarkusTest
class FairnessApiTest {

    static final String SPEC = """
            {"seed": 21, "members": 3000, "cases": 6000, "from": "2014-01-01", "to": "2014-12-31"}""";

    @Inject
    FairnessReportService reports;

    static final List<String> ENDPOINTS = List.of("/api/audit/fairness?quarter=2014-Q1", "/api/audit/reports",
            "/api/audit/reports/1");

    @Test
    void onlyTheNecMayReadTheAudit() {
        for (String path : ENDPOINTS) {
            given().get(path).then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
            for (String user : List.of("alice", "casey", "pat", "dara")) {
                as(user).get(path).then().statusCode(403).contentType("application/problem+json");
            }
        }
        given().contentType("application/json").body(Map.of("quarter", "2014-Q1")).post("/api/audit/reports").then()
                .statusCode(401);
        as("alice").body(Map.of("quarter", "2014-Q1")).post("/api/audit/reports").then().statusCode(403);
    }

    @Test
    void badPeriodsFormatsAndFiltersAre400() {
        Map<String, String> bad = Map.of(
                "", "from",
                "?from=2014-01-01", "to",
                "?from=2014-13-01&to=2014-12-31", "from",
                "?from=2014-06-01&to=2014-01-01", "to",
                "?quarter=2014-Q5", "quarter",
                "?quarter=2014-Q1&from=2014-01-01", "quarter",
                "?from=1999-01-01&to=1999-12-31", "from",
                "?from=2090-01-01&to=2090-12-31", "to",
                "?from=2001-01-01&to=2014-12-31", "to",
                "?quarter=2014-Q1&format=xml", "format");
        bad.forEach((query, field) -> as("nora").get("/api/audit/fairness" + query).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo(field)));
        as("nora").queryParam("quarter", "2014-Q1").queryParam("region", "x".repeat(101)).get("/api/audit/fairness")
                .then().statusCode(400).body("errors[0].field", equalTo("region"));
        as("nora").body(Map.of("quarter", "2014-Q9")).post("/api/audit/reports").then().statusCode(400)
                .contentType("application/problem+json");
        as("nora").body(Map.of("quarter", "2014-Q1", "colour", "red")).post("/api/audit/reports").then()
                .statusCode(400).contentType("application/problem+json");
        as("nora").get("/api/audit/reports/999999999").then().statusCode(404).contentType("application/problem+json");
        as("nora").get("/api/audit/reports/abc").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void jsonCsvAndPdfCarryTheSameReport() throws Exception {
        String region = AuditTestData.region("api", SPEC);
        Response json = as("nora").queryParam("quarter", "2014-Q2").queryParam("region", region)
                .get("/api/audit/fairness");
        json.then().statusCode(200).contentType("application/json");
        String sha = json.jsonPath().getString("dataSha256");

        Response csv = given().auth().oauth2(org.evenhand.testing.Api.token("nora")).accept("text/csv")
                .queryParam("quarter", "2014-Q2").queryParam("region", region).get("/api/audit/fairness");
        csv.then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("fairness-2014-04-01-to-2014-06-30.csv"));
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.asString())).getRecords();
        assertTrue(rows.stream().anyMatch(r -> r.get("statistic").equals("data-sha256") && r.get("value").equals(sha)));
        assertTrue(rows.stream().anyMatch(r -> r.get("section").equals("rate") && r.get("metric").equals("upheld")
                && r.get("statistic").equals("assessment")));
        assertTrue(rows.stream().anyMatch(r -> r.get("section").equals("definition-version")));
        String again = as("nora").queryParam("quarter", "2014-Q2").queryParam("region", region)
                .queryParam("format", "csv").get("/api/audit/fairness").asString();
        assertEquals(withoutTime(csv.asString()), withoutTime(again), "format=csv gives the same");

        byte[] pdf = as("nora").queryParam("quarter", "2014-Q2").queryParam("region", region)
                .queryParam("format", "pdf").get("/api/audit/fairness").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertArrayEquals("%PDF".getBytes(), java.util.Arrays.copyOf(pdf, 4));
        java.nio.file.Files.write(java.nio.file.Path.of("target/fairness-sample.pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Fairness audit"), text.substring(0, 200));
            assertTrue(text.contains(sha), "the PDF states the data hash");
            assertTrue(text.contains("Findings") && text.contains("Method") && text.contains("Disclosure control"));
            assertTrue(text.contains("Comparing like with like") && text.contains("Within clauses (95% CI)"),
                    "the PDF carries the stratified comparisons");
            assertTrue(text.contains("Chart: Upheld by group (respondents)"), "and the charts");
            // tagged for screen readers: marked, in British English, a structure tree in reading order
            assertTrue(doc.getDocumentCatalog().getMarkInfo().isMarked());
            assertEquals("en-GB", doc.getDocumentCatalog().getLanguage());
            var document = (org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement) doc
                    .getDocumentCatalog().getStructureTreeRoot().getKids().get(0);
            assertEquals("Document", document.getStructureType());
            List<String> types = document.getKids().stream().map(k -> ((org.apache.pdfbox.pdmodel.documentinterchange
                    .logicalstructure.PDStructureElement) k).getStructureType()).distinct().toList();
            assertTrue(types.containsAll(List.of("H1", "H2", "P", "Table", "Figure")), types.toString());
            assertTrue(document.getKids().stream().map(k -> (org.apache.pdfbox.pdmodel.documentinterchange
                    .logicalstructure.PDStructureElement) k).filter(e -> "Figure".equals(e.getStructureType()))
                    .allMatch(e -> e.getAlternateDescription() != null
                            && e.getAlternateDescription().startsWith("Bar chart of ")), "figures have alt text");
        }
        given().auth().oauth2(org.evenhand.testing.Api.token("nora")).accept("application/pdf")
                .queryParam("quarter", "2014-Q2").queryParam("region", region).get("/api/audit/fairness").then()
                .statusCode(200).contentType("application/pdf");
    }

    @Test
    void everyReportIsOnTheTrailWithTheHashOfItsData() {
        String region = AuditTestData.region("api", SPEC);
        String sha = as("nora").queryParam("quarter", "2014-Q3").queryParam("region", region)
                .get("/api/audit/fairness").then().statusCode(200).extract().path("dataSha256");
        assertTrue(!trail("audit-report-generated", sha).isEmpty(), "generation recorded with the hash");
    }

    static String withoutTime(String csv) {
        return csv.lines().filter(l -> !l.contains(",generated-at,")).collect(java.util.stream.Collectors.joining("\n"));
    }

    static List<String> trail(String action, String contains) {
        return Sql.strings("SELECT detail FROM trail_log WHERE action = ? AND actor = 'nora' AND detail LIKE ?",
                action, "%" + contains + "%");
    }

    @Test
    void quarterlyReportsAreMadeOnceAndKept() {
        reports.quarterly();
        assertTrue(reports.quarterly().isEmpty(), "the same quarter is not made twice");
        List<Map<String, Object>> kept = as("nora").get("/api/audit/reports").then().statusCode(200).extract()
                .jsonPath().getList("$");
        Map<String, Object> quarterly = kept.stream().filter(k -> "quarterly".equals(k.get("kind"))).findFirst()
                .orElseThrow();
        assertEquals("system", quarterly.get("generatedBy"));
        String href = (String) quarterly.get("href");
        as("nora").get(href).then().statusCode(200).body("dataSha256", equalTo(quarterly.get("dataSha256")))
                .body("generatedBy", equalTo("system")).body("parameters.from", equalTo(quarterly.get("from")));
        as("nora").queryParam("format", "csv").get(href).then().statusCode(200).contentType(containsString("text/csv"));
        as("nora").queryParam("format", "pdf").get(href).then().statusCode(200).contentType("application/pdf");
        assertTrue(!trail("audit-report-exported", href.substring(href.lastIndexOf('/') + 1)).isEmpty());
    }

    @Test
    void theNecCanKeepAReportForAnyPeriod() {
        String location = as("nora").body(Map.of("quarter", "2014-Q4")).post("/api/audit/reports").then()
                .statusCode(201).body("kind", equalTo("on-demand")).body("from", equalTo("2014-10-01"))
                .extract().header("Location");
        assertTrue(location.matches(".*/api/audit/reports/\\d+"), location);
        as("nora").get(location).then().statusCode(200).body("parameters.to", equalTo("2014-12-31"));
        as("nora").get("/api/audit/reports").then().body("href", hasItem(location.substring(location.indexOf("/api"))));
        as("nora").body(Map.of("from", "2014-01-01", "to", "2014-02-28")).post("/api/audit/reports").then()
                .statusCode(201).body("to", equalTo("2014-02-28"));
    }

    @Test
    void theEndpointsAreInTheOpenApiDocument() {
        String doc = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        for (String path : List.of("/api/audit/fairness", "/api/audit/reports", "/api/audit/reports/{id}",
                "/api/me/faction")) {
            assertTrue(doc.contains("\"" + path + "\""), path);
        }
        assertTrue(doc.contains("Fairness audit") && doc.contains("My faction declaration"));
    }
}
