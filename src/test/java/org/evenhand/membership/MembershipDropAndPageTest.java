package org.evenhand.membership;

import static org.evenhand.testing.Pages.page;
import static org.evenhand.testing.Pages.tokenFrom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestIdentityAssociation;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evenhand.testing.Db;
import org.evenhand.testing.Pages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The other two ways in of a membership file (decision 0039): the file drop applies each file once and
 * moves it to processed/ or, refused, to failed/ with the refusals by line and nothing changed; the
 * complaints manager uploads one, sees what it would change, and applies exactly that on confirming.
 */
@QuarkusTest
class MembershipDropAndPageTest {

    static final String HEADER = "membership_number,display_name,email,clp,region,status\n";
    static final Path DROP = Path.of("target/membership-drop");
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    MembershipDrop drop;

    @AfterAll
    static void leaveNothingForKeycloak() {
        Db.update("DELETE FROM keycloak_provisioning");
    }

    static String status(String number) {
        Object s = Db.value("SELECT status FROM members WHERE membership_number = ?", number);
        return s == null ? null : s.toString();
    }

    static JsonNode report(Path dir, String file) throws IOException {
        return JSON.readTree(dir.resolve(file + ".report.json").toFile());
    }

    @Test
    void theDropAppliesEachFileOnceAndMovesIt() throws IOException {
        Path processed = DROP.resolve("processed");
        Path failed = DROP.resolve("failed");
        if (Files.exists(DROP)) { // what an earlier run left
            try (var old = Files.walk(DROP)) {
                old.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(DROP)).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(DROP);
        String good = HEADER + "DP1001,Drop Dora,dora@evenhand.test,Hove,South East,active\n"
                + "DP1002,Drop Dev,dev@evenhand.test,Hove,South East,active\n";
        Files.writeString(DROP.resolve("members-1.csv"), good);
        Files.writeString(DROP.resolve("members-2.csv"), HEADER + "DP1003,Drop Bad,not-an-email,Hove,South East,active\n"
                + "DP1004,Drop Worse,,Hove,South East,maybe\n");
        Files.writeString(DROP.resolve("notes.txt"), "not a membership file");
        long syncs = Db.count("SELECT count(*) FROM membership_syncs");

        assertEquals(2, drop.look());
        assertFalse(Files.exists(DROP.resolve("members-1.csv")));
        assertEquals(good, Files.readString(processed.resolve("members-1.csv")));
        JsonNode applied = report(processed, "members-1.csv");
        assertEquals("applied", applied.path("outcome").asText());
        assertEquals(2, applied.path("report").path("created").asInt());
        assertEquals("active", status("DP1001"));
        assertEquals("file", Db.value("SELECT source FROM membership_syncs ORDER BY id DESC LIMIT 1"));
        assertEquals("members-1.csv", Db.value("SELECT file_name FROM membership_syncs ORDER BY id DESC LIMIT 1"));

        JsonNode refused = report(failed, "members-2.csv");
        assertTrue(Files.exists(failed.resolve("members-2.csv")));
        assertEquals("refused", refused.path("outcome").asText());
        assertEquals(2, refused.path("problem").path("errors").get(0).path("line").asInt());
        assertEquals("email", refused.path("problem").path("errors").get(0).path("field").asText());
        assertEquals(3, refused.path("problem").path("errors").get(1).path("line").asInt());
        assertEquals(null, status("DP1003"), "nothing of a refused file is stored");
        assertTrue(Files.exists(DROP.resolve("notes.txt")), "only *.csv files are taken");
        assertEquals(syncs + 1, Db.count("SELECT count(*) FROM membership_syncs"));

        // applied, then the node stopped before moving it: recognised, moved, not applied again
        Files.writeString(DROP.resolve("members-1.csv"), good);
        assertEquals(1, drop.look());
        assertEquals(syncs + 1, Db.count("SELECT count(*) FROM membership_syncs"));
        assertEquals("already applied", report(processed, Files.list(processed)
                .map(p -> p.getFileName().toString()).filter(n -> n.endsWith("-members-1.csv")).findFirst().orElseThrow())
                .path("outcome").asText());

        // a full file is named so; one that would lapse most of the party is refused whole
        Files.writeString(DROP.resolve("everyone.full.csv"), HEADER + "DP1005,Drop Fay,,Hove,South East,active\n");
        assertEquals(1, drop.look());
        assertEquals("full", report(failed, "everyone.full.csv").path("mode").asText());
        assertEquals("mode", report(failed, "everyone.full.csv").path("problem").path("errors").get(0).path("field").asText());
        assertEquals(null, status("DP1005"));
        assertEquals("active", status("DP1001"));
        assertEquals(0, drop.look(), "nothing left to do");
    }

    @Test
    void theManagerSeesWhatAFileWouldChangeThenAppliesExactlyThat() {
        String csv = HEADER + "PG1001,Page Pat,pat.page@evenhand.test,Hove,South East,active\n"
                + "PG1002,Page Pam,pam.page@evenhand.test,Hove,South East,active\n";
        String preview = Pages.as("mona", () -> upload(csv, "upsert").then().statusCode(200).extract().asString());
        assertTrue(preview.contains("Check the membership changes"), preview);
        assertTrue(preview.contains("<dt>New members</dt><dd>2</dd>"), preview);
        assertTrue(preview.contains("PG1001") && preview.contains("New member"));
        assertEquals(null, status("PG1001"), "a preview changes nothing");
        Matcher form = Pattern.compile("action=\"/manager/membership/uploads/(\\d+)/apply\".*?name=\"plan\" value=\"([0-9a-f]{64})\"",
                Pattern.DOTALL).matcher(preview);
        assertTrue(form.find(), preview);
        String apply = "/manager/membership/uploads/" + form.group(1) + "/apply";
        // another complaints manager cannot apply it
        asManager("morgan", () -> page().formParam("_csrf", tokenFrom("/manager/membership")).formParam("plan", form.group(2))
                .post(apply).then().statusCode(404));
        // the membership changes between the preview and the confirmation: shown again, not applied
        Db.update("INSERT INTO members (membership_number, display_name, clp, region) VALUES ('PG1002', 'Page Pam', 'Hove',"
                + " 'South East')");
        String again = Pages.as("mona", () -> page().formParam("_csrf", tokenFrom("/manager/membership"))
                .formParam("plan", form.group(2)).post(apply).then().statusCode(409).extract().asString());
        assertTrue(again.contains("The membership changed since you looked at this file"), again);
        assertEquals(null, status("PG1001"));
        Matcher newPlan = Pattern.compile("name=\"plan\" value=\"([0-9a-f]{64})\"").matcher(again);
        assertTrue(newPlan.find());
        Response done = Pages.as("mona", () -> page().formParam("_csrf", tokenFrom("/manager/membership"))
                .formParam("plan", newPlan.group(1)).post(apply).then().statusCode(303).extract().response());
        assertTrue(done.header("Location").matches(".*/manager/membership\\?applied=\\d+"), done.header("Location"));
        assertEquals("active", status("PG1001"));
        assertEquals("pam.page@evenhand.test", Db.value("SELECT email FROM members WHERE membership_number = 'PG1002'"));
        assertEquals("page", Db.value("SELECT source FROM membership_syncs ORDER BY id DESC LIMIT 1"));
        assertEquals("mona", Db.value("SELECT actor FROM membership_syncs ORDER BY id DESC LIMIT 1"));
        String list = Pages.as("mona", () -> page().get(done.header("Location")).then().statusCode(200).extract().asString());
        assertTrue(list.contains("has been applied"), list);
        assertTrue(list.contains("uploaded here (mona)"), list);
        // applied once: the upload is gone
        Pages.as("mona", () -> page().formParam("_csrf", tokenFrom("/manager/membership")).formParam("plan", newPlan.group(1))
                .post(apply).then().statusCode(404));
    }

    @Test
    void aRefusedUploadListsItsBadLinesAndChangesNothing() {
        String html = Pages.as("mona", () -> upload(HEADER + "PG2001,Ok,,Hove,South East,active\nPG2002,,x@,Hove,South East,gone\n",
                "upsert").then().statusCode(400).extract().asString());
        assertTrue(html.contains("There is a problem"), html);
        assertTrue(html.contains("What is wrong with the file"));
        assertTrue(html.contains("<tr><th scope=\"row\">3</th><td data-label=\"Column\">display_name</td>"), html);
        assertTrue(html.contains("Give the status as active or lapsed."));
        assertEquals(null, status("PG2001"));
        String noMode = Pages.as("mona", () -> upload(HEADER + "PG2003,Ok,,Hove,South East,active\n", "some")
                .then().statusCode(400).extract().asString());
        assertTrue(noMode.contains("Choose whether the file holds only some members or the whole membership."), noMode);
        Pages.as("alice", () -> page().get("/manager/membership").then().statusCode(403));
    }

    /** Runs the block signed in as a complaints manager who is not one of the demo users. */
    private static void asManager(String user, Runnable block) {
        TestIdentityAssociation identity = Arc.container().instance(TestIdentityAssociation.class).get();
        identity.setTestIdentity(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(user))
                .addRole("manager").build());
        try {
            block.run();
        } finally {
            identity.setTestIdentity(null);
        }
    }

    private static Response upload(String csv, String mode) {
        return page().multiPart("_csrf", tokenFrom("/manager/membership")).multiPart("mode", mode)
                .multiPart("file", "members.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/manager/membership/preview");
    }
}
