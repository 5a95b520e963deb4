package org.evenhand.web;

import static org.evenhand.testing.Api.CASEWORKERS;
import static org.evenhand.testing.Api.as;
import static org.evenhand.testing.Api.claimed;
import static org.evenhand.testing.Api.complete;
import static org.evenhand.testing.Api.file;
import static org.evenhand.testing.Api.tasks;
import static org.evenhand.testing.Pages.page;
import static org.evenhand.testing.Pages.tokenFrom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.evenhand.testing.Api;
import org.evenhand.testing.Cases;
import org.evenhand.testing.Db;
import org.evenhand.testing.Evidence;
import org.evenhand.testing.MailServer;
import org.evenhand.testing.Pages;
import org.evenhand.testing.RawCodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every page a member reads, for cases at each stage (filed, the allegation put, the report out for comment,
 * decided, appealed, withdrawn, dismissed), as complainant and as respondent, in English and in Welsh: words,
 * never a code, an enum value or an ISO date (decision 0036). Welsh comes from the member's stored choice, which
 * wins over the browser, or else from the browser's Accept-Language; letters go in the recipient's language.
 */
@QuarkusTest
class WordsNotCodesTest {

    static final String RESPONDENT = "owain";
    static final String RESPONDENT_NUMBER = "M300010";
    static final LocalDate DAY = LocalDate.of(2026, 6, 10);
    static final String NO_CASE = "/me/cases/EVH-2020-999999";

    /** The cases, by stage, and who complained in each. */
    static final Map<String, String> CASES = new LinkedHashMap<>();
    static final Map<String, String> COMPLAINANT = new LinkedHashMap<>();
    static long evidence;

    @BeforeEach
    void casesAtEveryStage() {
        if (!CASES.isEmpty()) {
            return;
        }
        String[][] members = { { "M300001", "wyn", "Wyn Williams" }, { "M300002", "gwen", "Gwen Griffiths" },
                { "M300003", "ifan", "Ifan Ifans" }, { "M300004", "nia", "Nia Nicholas" },
                { "M300005", "rhys", "Rhys Roberts" }, { "M300006", "elin", "Elin Evans" },
                { "M300007", "dafydd", "Dafydd Davies" }, { RESPONDENT_NUMBER, RESPONDENT, "Owain Owens" } };
        for (String[] m : members) {
            Db.update("INSERT INTO members (membership_number, username, display_name, email, clp, region, joined_on)"
                    + " VALUES (?, ?, ?, ?, 'Ceredigion', 'Wales', DATE '2019-05-01') ON CONFLICT DO NOTHING", m[0], m[1],
                    m[2], m[1] + "@evenhand.test");
        }
        // declared factions, so that the faction page shows one and its consent record
        as("gwen").body(Map.of("faction", "soft-left", "consent", true, "noticeVersion", "2026-1")).put("/api/me/faction")
                .then().statusCode(200);
        as("ifan").body(Map.of("faction", "prefer-not-to-say", "consent", true, "noticeVersion", "2026-1"))
                .put("/api/me/faction").then().statusCode(200);
        // Wyn reads Welsh before anything is sent to him: his letters go in Welsh
        chooseLanguage("wyn", "cy");
        add("filed", "wyn", file("wyn", RESPONDENT_NUMBER, DAY, List.of("harassment"),
                "He posted about my family in the branch group, again and again."));
        String told = file("gwen", RESPONDENT_NUMBER, DAY, List.of("bullying"), "Mocked my accent at every meeting.");
        triage(told, true);
        evidence = Evidence.give("gwen", told, Evidence.text("Nobody can understand her.", List.of("Gwen: Hello.")));
        add("told", "gwen", told);
        String commenting = file("ifan", RESPONDENT_NUMBER, DAY, List.of("intimidation"), "Said I would regret my vote.");
        triage(commenting, true);
        as(RESPONDENT).body(Map.of("statement", "I deny it.")).post("/api/me/cases/" + commenting + "/response").then()
                .statusCode(200);
        complete(tasks(CASEWORKERS, commenting, "investigate").get(0), Map.of("report", "The words are as described."));
        add("commenting", "ifan", commenting);
        String decided = Cases.atPanel("nia", RESPONDENT, RESPONDENT_NUMBER, "harassment", "Messages every night for a month.");
        Cases.decided(decided, "harassment", "formal-warning");
        add("decided", "nia", decided);
        String appealed = Cases.atPanel("rhys", RESPONDENT, RESPONDENT_NUMBER, "harassment", "Tagged me in forty posts.");
        Cases.decided(appealed, "harassment", "advice-training");
        as(RESPONDENT).body(Map.of("grounds", List.of("PROCEDURAL_FAILURE", "NEW_EVIDENCE"), "statement", "I was not heard."))
                .post("/api/me/cases/" + appealed + "/appeal").then().statusCode(200);
        add("appealed", "rhys", appealed);
        String withdrawn = file("elin", RESPONDENT_NUMBER, DAY, List.of("bullying"), "Laughed at my speech, loudly.");
        as("elin").body(Map.of("reason", "We have talked.")).post("/api/me/cases/" + withdrawn + "/withdrawal").then()
                .statusCode(200);
        add("withdrawn", "elin", withdrawn);
        String dismissed = file("dafydd", RESPONDENT_NUMBER, DAY, List.of("bullying"), "Called my motion daft.");
        complete(claimed(CASEWORKERS, dismissed, "triage"), Map.of("inScope", false, "reasons", "Mild rudeness."));
        add("dismissed", "dafydd", dismissed);
    }

    static void add(String stage, String complainant, String ref) {
        CASES.put(stage, ref);
        COMPLAINANT.put(stage, complainant);
    }

    static void triage(String ref, boolean inScope) {
        complete(claimed(CASEWORKERS, ref, "triage"), Map.of("inScope", inScope, "clauses",
                inScope ? List.of("bullying", "intimidation") : List.of(), "reasons", "As the complaint says."));
    }

    /** The switch in the layout: a form with the member's token, back to the page it was on. */
    static void chooseLanguage(String member, String language) {
        Pages.as(member, () -> page().formParam("_csrf", tokenFrom("/me")).formParam("language", language)
                .formParam("back", "/me/data").post("/me/language").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/me/data")));
    }

    /** The pages this member reads: the public ones, their own, and each case they are a party to. */
    static List<String> pagesOf(String member) {
        List<String> paths = new ArrayList<>(List.of("/", "/process", "/complain", "/privacy", "/me", "/me/inbox",
                "/me/data", "/me/data/access-request", "/me/complaints/new", "/me/survey", "/me/survey/thanks",
                "/me/fairness"));
        // the confidence survey's questions, for each case of theirs that has ended
        java.util.regex.Matcher invited = java.util.regex.Pattern.compile("href=\"(/me/survey/[0-9a-f-]{36})\"")
                .matcher(page().get("/me/survey").then().statusCode(200).extract().asString());
        while (invited.find()) {
            paths.add(invited.group(1));
        }
        CASES.forEach((stage, ref) -> {
            boolean complainant = member.equals(COMPLAINANT.get(stage));
            boolean respondent = member.equals(RESPONDENT) && !List.of("filed", "withdrawn", "dismissed").contains(stage);
            if (!complainant && !respondent) {
                return;
            }
            String c = "/me/cases/" + ref;
            paths.add(c);
            boolean open = List.of("filed", "told", "commenting", "decided", "appealed").contains(stage);
            if (open) {
                paths.add(c + "/evidence/new");
            }
            if (complainant && List.of("filed", "told", "commenting").contains(stage)) {
                paths.add(c + "/withdraw");
            }
            if (respondent && stage.equals("told")) {
                paths.add(c + "/respond");
                paths.add(c + "/evidence/" + evidence);
            }
            if (stage.equals("commenting")) {
                paths.add(c + "/comment");
            }
            if (stage.equals("decided")) {
                paths.add(c + "/appeal");
            }
            if (complainant && stage.equals("told")) {
                paths.add(c + "/evidence/" + evidence);
                paths.add(c + "/evidence/" + evidence + "/withdraw");
            }
        });
        return paths;
    }

    /** Each of the member's pages, read with this Accept-Language (or none): what it shows that is not words. */
    static List<String> codesOn(String member, String acceptLanguage, String lang) {
        List<String> found = new ArrayList<>();
        Pages.as(member, () -> {
            if (member.equals("dafydd")) {
                assertTrue(pagesOf(member).stream().anyMatch(p -> p.matches("/me/survey/[0-9a-f-]{36}")),
                        "the complainant of the dismissed case is asked how it felt");
            }
            for (String path : pagesOf(member)) {
                found.addAll(codesOn(path, acceptLanguage, lang, 200));
            }
            found.addAll(codesOn(NO_CASE, acceptLanguage, lang, 404));
        });
        return found;
    }

    static List<String> codesOn(String path, String acceptLanguage, String lang, int status) {
        var request = page();
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        Response r = request.get(path);
        assertEquals(status, r.statusCode(), path);
        String html = r.asString();
        assertTrue(html.contains("<html lang=\"" + lang + "\">"), path + " is in " + lang);
        List<String> found = new ArrayList<>();
        RawCodes.in(RawCodes.text(html)).forEach(f -> found.add(path + " [" + lang + "]: " + f));
        return found;
    }

    @Test
    void noMemberPageShowsACodeAnEnumValueOrAnIsoDateInEnglish() {
        List<String> found = new ArrayList<>();
        for (String member : List.of(RESPONDENT, "gwen", "ifan", "nia", "rhys", "elin", "dafydd")) {
            found.addAll(codesOn(member, null, "en-GB"));
        }
        assertEquals(List.of(), found);
    }

    @Test
    void noMemberPageShowsACodeAnEnumValueOrAnIsoDateInWelsh() {
        List<String> found = new ArrayList<>();
        for (String member : List.of(RESPONDENT, "gwen", "ifan", "nia", "rhys", "elin", "dafydd")) {
            found.addAll(codesOn(member, "cy", "cy"));
        }
        found.addAll(codesOn("wyn", "en-GB,en;q=0.9", "cy"));
        assertEquals(List.of(), found);
    }

    @Test
    void aWelshPageIsWelshByTheBrowserAndTheMembersChoiceWinsOverIt() {
        String ref = CASES.get("decided");
        Pages.as("nia", () -> {
            String english = page().get("/me/cases/" + ref).then().statusCode(200).extract().asString();
            assertTrue(english.contains("<html lang=\"en-GB\">") && english.contains("My cases")
                    && english.contains("The panel\u2019s decision") && english.contains("Appeal window"), "English");
            String welsh = page().header("Accept-Language", "cy-GB,cy;q=0.9,en;q=0.5").get("/me/cases/" + ref).then()
                    .statusCode(200).header("Content-Language", "cy").extract().asString();
            for (String cy : List.of("<html lang=\"cy\">", ">Fy achosion</a>", "Penderfyniad y panel", "Cyfnod apelio",
                    "Rhybudd ffurfiol", "Ble mae’r achos")) {
                assertTrue(welsh.contains(cy), "Welsh by the browser: " + cy);
            }
            // the letters already sent stay as they were sent (in English); the page's own words are Welsh
            assertFalse(welsh.contains(">My cases</a>") || welsh.contains("Where the case is"), "no English page words");
            assertTrue(welsh.matches("(?s).*\\d{1,2} (Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref"
                    + "|Tachwedd|Rhagfyr) \\d{4}.*"), "dates in Welsh");
            assertTrue(welsh.contains("value=\"en-GB\" lang=\"en-GB\">English</button>"), "the switch offers English");
        });
        Pages.as("wyn", () -> {
            String html = page().header("Accept-Language", "en-GB").get("/me/cases/" + CASES.get("filed")).then()
                    .statusCode(200).extract().asString();
            assertTrue(html.contains("<html lang=\"cy\">") && html.contains("Brysbennu"), "Welsh by his choice");
            assertTrue(html.contains("Rydym wedi cael eich cwyn"), "his acknowledgement on the timeline, as sent, in Welsh");
            String refused = page().formParam("_csrf", tokenFrom("/me/cases/" + CASES.get("filed")))
                    .formParam("text", "").post("/me/cases/" + CASES.get("filed") + "/messages").then().statusCode(400)
                    .extract().asString();
            assertTrue(refused.contains("Ysgrifennwch eich neges.") && refused.contains("Mae problem"),
                    "a refused form says what is wrong in Welsh");
        });
        Api.awaitLetter("wyn@evenhand.test", "Rydym wedi cael eich cwyn");
        assertTrue(body(MailServer.lettersTo("wyn@evenhand.test", "Rydym wedi cael eich cwyn").get(0))
                .contains("Annwyl Wyn Williams"), "his letter by email, in Welsh");
        Api.awaitLetter("gwen@evenhand.test", "We have received your complaint");
    }

    @Test
    void aMemberSwitchesBackToEnglishAndStaffPagesStayEnglish() {
        chooseLanguage("elin", "cy");
        Pages.as("elin", () -> assertTrue(page().get("/me").then().statusCode(200).extract().asString()
                .contains("<html lang=\"cy\">")));
        chooseLanguage("elin", "en-GB");
        Pages.as("elin", () -> assertTrue(page().header("Accept-Language", "en").get("/me").then().statusCode(200)
                .extract().asString().contains("<html lang=\"en-GB\">")));
        assertEquals("en-GB", Db.value("SELECT language FROM members WHERE username = 'elin'"));
        Pages.as("elin", () -> {
            String bad = page().formParam("_csrf", tokenFrom("/me")).formParam("language", "xx").formParam("back", "/me")
                    .post("/me/language").then().statusCode(400).extract().asString();
            assertTrue(bad.contains("Choose one of the languages"), bad);
            page().formParam("_csrf", tokenFrom("/me")).formParam("language", "cy").formParam("back", "https://evil.example/")
                    .post("/me/language").then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/me"));
            page().formParam("language", "cy").post("/me/language").then().statusCode(403);
        });
        chooseLanguage("elin", "en-GB");
        Pages.as("casey", () -> {
            String work = page().header("Accept-Language", "cy").get("/work").then().statusCode(200).extract().asString();
            assertTrue(work.contains("<html lang=\"en-GB\">") && work.contains("Casework")
                    && !work.contains("language-switch"), "staff pages are English, with no switch");
        });
        assertTrue(Db.count("SELECT (SELECT count(*) FROM trail_entries WHERE action = 'language-chosen')"
                + " + (SELECT count(*) FROM trail_inbox WHERE action = 'language-chosen')") >= 3, "each choice is on the trail");
    }

    static String body(jakarta.mail.internet.MimeMessage m) {
        try {
            Object content = m.getContent();
            if (content instanceof jakarta.mail.Multipart mp) {
                StringBuilder out = new StringBuilder();
                for (int i = 0; i < mp.getCount(); i++) {
                    out.append(mp.getBodyPart(i).getContent());
                }
                return out.toString();
            }
            return String.valueOf(content);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
