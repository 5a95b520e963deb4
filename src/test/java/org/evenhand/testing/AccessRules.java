package org.evenhand.testing;

import static org.evenhand.testing.Api.CASEWORKERS;
import static org.evenhand.testing.Api.PANEL;
import static org.evenhand.testing.Api.claimed;
import static org.evenhand.testing.Api.complete;
import static org.evenhand.testing.Api.file;
import static org.evenhand.testing.Api.tasks;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Who may call what: the access policy as data, one rule per endpoint (method and path template as
 * in the OpenAPI document, or a page). {@code AuthorisationMatrixTest} checks every endpoint of the
 * OpenAPI document against it for every role, with the caller's own and someone else's resources,
 * and fails for an endpoint that has no rule here: a new endpoint cannot be forgotten.
 * {@code MalformedRequestCorpusTest} uses the same rules to send its malformed requests as a caller
 * who would otherwise be let in.
 */
public final class AccessRules {

    public static final List<String> ROLES = List.of("anonymous", "member", "caseworker", "panel", "nec", "dpo", "manager");

    /** What a path parameter names, and so what "own" and "foreign" mean for the caller. */
    public enum Scope {
        /** anyone, signed in or not */
        PUBLIC,
        /** anyone with one of the roles; no resource of their own */
        ROLE,
        /** a case the member is a party to (the complainant); foreign: a case they are no party to */
        CASE_PARTY,
        /** a case the member is the respondent on, told of it; foreign: a case they are no party to */
        CASE_RESPONDENT,
        /** a case the caseworker may handle / the panel member sits on; foreign: one they may not / do not */
        STAFF_CASE,
        /** a task the handler holds or is offered; foreign: someone else's */
        TASK,
        /** an item of evidence the member gave, on their own case (its own case, so withdrawing it disturbs nothing else) */
        EVIDENCE_OWNER,
        /** a case the member complained about that the call may end (withdrawal): its own case, so ending it disturbs nothing else */
        CASE_TO_END,
        /** an HTML page signed in through Keycloak (code flow): anonymous is sent to the login page */
        PAGE
    }

    /**
     * @param roles roles allowed (in the order the corpus prefers a caller)
     * @param ownOk statuses that mean "let in" for an allowed caller with their own resource
     * @param body a valid body for the endpoint (POST), from the fixtures
     * @param query query parameters that make a valid request
     * @param freeText query or body fields that are free text (injection strings are valid text there)
     * @param matrixBody the body the authorisation matrix sends (an empty object where the service checks
     *     access before it reads the body, so the matrix changes nothing)
     */
    public record Rule(Scope scope, List<String> roles, Set<Integer> ownOk, Function<Fixtures, Object> body,
            Map<String, String> query, Set<String> freeText, Function<Fixtures, Object> matrixBody) {

        Rule(Scope scope, List<String> roles, Set<Integer> ownOk, Function<Fixtures, Object> body,
                Map<String, String> query, Set<String> freeText) {
            this(scope, roles, ownOk, body, query, freeText, body);
        }

        Rule withMatrixBody(Function<Fixtures, Object> b) {
            return new Rule(scope, roles, ownOk, body, query, freeText, b);
        }

        public boolean allows(String role) {
            return scope == Scope.PUBLIC || roles.contains(role);
        }
    }

    static Rule rule(Scope scope, List<String> roles, Set<Integer> ok) {
        return new Rule(scope, roles, ok, f -> null, Map.of(), Set.of());
    }

    static Rule post(Scope scope, List<String> roles, Set<Integer> ok, Function<Fixtures, Object> body,
            String... freeText) {
        return new Rule(scope, roles, ok, body, Map.of(), Set.of(freeText));
    }

    static final List<String> MEMBER = List.of("member");
    static final List<String> STAFF = List.of("caseworker", "panel");
    static final List<String> DPO = List.of("dpo");
    static final List<String> MANAGER = List.of("manager");
    /** A complaints manager, or the membership system's own service client (its token: MembershipSyncTest). */
    static final List<String> MEMBERSHIP = List.of("manager", "membership-sync");
    static final List<String> NEC = List.of("nec");
    /** A matrix body sent as multipart/form-data rather than JSON. */
    public static final Map<String, String> MULTIPART_WITHOUT_FILE = Map.of("attestPartyToExchange", "true");

    /** The policy. Key: "METHOD /path/{template}" exactly as in the OpenAPI document (pages: their JAX-RS path). */
    public static final Map<String, Rule> RULES = new LinkedHashMap<>();
    static {
        RULES.put("GET /api/definition", rule(Scope.PUBLIC, List.of(), Set.of(200)));
        RULES.put("GET /api/definition/versions", rule(Scope.PUBLIC, List.of(), Set.of(200)));
        RULES.put("GET /api/definition/versions/{id}", rule(Scope.PUBLIC, List.of(), Set.of(200)));
        RULES.put("GET /api/definition/diff", new Rule(Scope.PUBLIC, List.of(), Set.of(200), f -> null,
                Map.of("from", "2024.1", "to", "2026.1"), Set.of()));
        RULES.put("GET /api/definition/versions/{id}/text", rule(Scope.PUBLIC, List.of(), Set.of(200)));
        // new versions of the definition (issue 17, decision 0040): the NEC drafts, asks for approval, approves; the
        // matrix's draft id ("2026.1") is no draft (404), so nothing is proposed or published from the fixtures, and
        // starting a draft from 2026.1 is refused once a later version is published (400)
        RULES.put("GET /api/definition/drafts", rule(Scope.ROLE, NEC, Set.of(200)));
        RULES.put("POST /api/definition/drafts", post(Scope.ROLE, NEC, Set.of(201, 400), f -> Map.of("from", "2026.1")));
        RULES.put("GET /api/definition/drafts/{id}", rule(Scope.ROLE, NEC, Set.of(404)));
        for (String write : List.of("PUT /api/definition/drafts/{id}", "PATCH /api/definition/drafts/{id}")) {
            RULES.put(write, post(Scope.ROLE, NEC, Set.of(404), f -> Map.of("title", "Evenhand definition of abuse",
                    "summaryOfChanges", List.of("The test of harassment is clearer.")), "title", "summaryOfChanges"));
        }
        RULES.put("DELETE /api/definition/drafts/{id}", rule(Scope.ROLE, NEC, Set.of(404)));
        RULES.put("GET /api/definition/drafts/{id}/diff", rule(Scope.ROLE, NEC, Set.of(404)));
        RULES.put("POST /api/definition/drafts/{id}/proposal", post(Scope.ROLE, NEC, Set.of(404),
                f -> Map.of("effectiveFrom", "2090-01-01")));
        RULES.put("DELETE /api/definition/drafts/{id}/proposal", rule(Scope.ROLE, NEC, Set.of(404)));
        RULES.put("POST /api/definition/drafts/{id}/publication", post(Scope.ROLE, NEC, Set.of(404),
                f -> Map.of("effectiveFrom", "2090-01-01")));
        RULES.put("GET /api/members", new Rule(Scope.ROLE, MEMBER, Set.of(200), f -> null, Map.of("q", "Bren"),
                Set.of("q")));
        RULES.put("POST /api/complaints", post(Scope.ROLE, MEMBER, Set.of(201), f -> Map.of(
                "respondentMembershipNumber", "M100006", "conductDate", "2026-03-14", "clauses", List.of("harassment"),
                "allegation", "Replies to every post I made for a week, calling me names in front of the branch."),
                "allegation"));
        RULES.put("GET /api/me/cases", rule(Scope.ROLE, MEMBER, Set.of(200)));
        RULES.put("GET /api/me/cases/{ref}", rule(Scope.CASE_PARTY, MEMBER, Set.of(200)));
        RULES.put("POST /api/me/cases/{ref}/response", post(Scope.CASE_RESPONDENT, MEMBER, Set.of(200, 409),
                f -> Map.of("statement", "I did not write those replies; my account was shared."), "statement"));
        RULES.put("POST /api/me/cases/{ref}/appeal", post(Scope.CASE_PARTY, MEMBER, Set.of(200, 409),
                f -> Map.of("grounds", List.of("PROCEDURAL_FAILURE"), "statement", "The panel ignored my evidence."),
                "statement"));
        RULES.put("POST /api/me/cases/{ref}/withdrawal", post(Scope.CASE_TO_END, MEMBER, Set.of(200, 409),
                f -> Map.of("reason", "We talked it through and they apologised."), "reason"));
        RULES.put("POST /api/me/cases/{ref}/report-comment", post(Scope.CASE_PARTY, MEMBER, Set.of(200, 409),
                f -> Map.of("comment", "The report leaves out the private messages he sent me."), "comment"));
        RULES.put("GET /api/tasks", new Rule(Scope.ROLE, STAFF, Set.of(200), f -> null,
                Map.of("q", "EH", "sort", "-due", "page", "1", "size", "10"), Set.of("q")));
        // a complaints manager's escalations (decision 0035); the fixtures raise none, so an id is not found
        // (reassigning and resolving a real one is ManagerEscalationTest's)
        RULES.put("GET /api/escalations", rule(Scope.ROLE, MANAGER, Set.of(200)));
        RULES.put("POST /api/escalations/{id}/reassignment", post(Scope.ROLE, MANAGER, Set.of(404),
                f -> Map.of("task", "1", "to", "quinn", "reason", "Quinn has capacity this week."), "reason", "task", "to"));
        RULES.put("POST /api/escalations/{id}/resolution", post(Scope.ROLE, MANAGER, Set.of(404),
                f -> Map.of("note", "Spoke to the investigator; the report is due on Friday."), "note"));
        // the complaints manager's administration (decision 0038): path ids of the fixtures are unknown (404), a
        // handler's login is rowan's; the matrix sends empty bodies, refused before anything changes (400); the
        // samples below are never sent whole by the corpus, and every optional field is left out of them
        RULES.put("GET /api/manager/handlers", rule(Scope.ROLE, MANAGER, Set.of(200)));
        RULES.put("POST /api/manager/handlers", post(Scope.ROLE, MANAGER, Set.of(400), f -> Map.of(
                "membershipNumber", "M100008", "pools", List.of(1), "trainedOn", "2026-01-05",
                "trainingExpires", "2028-01-05")).withMatrixBody(f -> Map.of()));
        RULES.put("GET /api/manager/handlers/{username}", rule(Scope.ROLE, MANAGER, Set.of(200)));
        RULES.put("PUT /api/manager/handlers/{username}/pools", post(Scope.ROLE, MANAGER, Set.of(400),
                f -> Map.of("pools", List.of(1))).withMatrixBody(f -> Map.of()));
        RULES.put("POST /api/manager/handlers/{username}/training", post(Scope.ROLE, MANAGER, Set.of(400),
                f -> Map.of("trainedOn", "2026-09-01", "trainingExpires", "2031-08-31")).withMatrixBody(f -> Map.of()));
        RULES.put("POST /api/manager/handlers/{username}/deactivation", post(Scope.ROLE, MANAGER, Set.of(400),
                f -> Map.of("reason", "Stood down from casework to stand for election."), "reason")
                .withMatrixBody(f -> Map.of()));
        RULES.put("POST /api/manager/handlers/{username}/reactivation", post(Scope.ROLE, MANAGER, Set.of(400),
                f -> Map.of("reason", "Back from leave."), "reason").withMatrixBody(f -> Map.of()));
        RULES.put("GET /api/manager/members", new Rule(Scope.ROLE, MANAGER, Set.of(200), f -> null, Map.of("q", "Erin"),
                Set.of("q")));
        RULES.put("GET /api/manager/pools", rule(Scope.ROLE, MANAGER, Set.of(200)));
        RULES.put("GET /api/manager/pools/{id}", rule(Scope.ROLE, MANAGER, Set.of(404)));
        RULES.put("POST /api/manager/pools", post(Scope.ROLE, MANAGER, Set.of(400),
                f -> Map.of("name", "Welsh-language panel", "role", "panel"), "name").withMatrixBody(f -> Map.of()));
        RULES.put("PUT /api/manager/pools/{id}", post(Scope.ROLE, MANAGER, Set.of(404),
                f -> Map.of("name", "Panel (England)"), "name"));
        RULES.put("GET /api/manager/interests", new Rule(Scope.ROLE, MANAGER, Set.of(200), f -> null,
                Map.of("handler", "rowan"), Set.of()));
        RULES.put("GET /api/manager/interests/{id}", rule(Scope.ROLE, MANAGER, Set.of(404)));
        RULES.put("POST /api/manager/interests", post(Scope.ROLE, MANAGER, Set.of(400), f -> Map.of("handler", "rowan",
                "kind", "member", "value", "M100002", "from", "2020-01-01")).withMatrixBody(f -> Map.of()));
        RULES.put("POST /api/manager/interests/{id}/end", post(Scope.ROLE, MANAGER, Set.of(404),
                f -> Map.of("to", "2026-01-01")));
        RULES.put("GET /api/manager/tasks", rule(Scope.ROLE, MANAGER, Set.of(200)));
        RULES.put("POST /api/manager/tasks/{id}/reassignment", post(Scope.ROLE, MANAGER, Set.of(404),
                f -> Map.of("to", "quinn", "reason", "Quinn has capacity this week."), "reason"));
        RULES.put("GET /api/manager/dashboard", rule(Scope.ROLE, MANAGER, Set.of(200)));
        // membership sync (decision 0039): the membership system's own service client (role membership-sync,
        // MembershipSyncTest) or a complaints manager; the matrix sends a dry run, so nothing changes
        RULES.put("POST /api/membership/sync", new Rule(Scope.ROLE, MEMBERSHIP, Set.of(200), f -> Map.of("members",
                List.of(Map.of("membershipNumber", "M100001", "displayName", "Alice Adeyemi", "email", "alice@evenhand.test",
                        "clp", "Leeds Central", "region", "Yorkshire and the Humber", "status", "active"))),
                Map.of("dryRun", "true", "mode", "upsert"), Set.of()));
        RULES.put("GET /api/membership/syncs", rule(Scope.ROLE, MEMBERSHIP, Set.of(200)));
        RULES.put("POST /api/tasks/{id}/claim", rule(Scope.TASK, STAFF, Set.of(200, 409)));
        RULES.put("POST /api/tasks/{id}/complete", post(Scope.TASK, List.of("panel", "caseworker"),
                Set.of(204, 400, 409), f -> Map.of("findings", List.of(Map.of("clause", "bullying", "upheld", false)),
                        "sanction", "no-action", "reasons", "Not shown on the evidence."), "reasons", "note", "report")
                .withMatrixBody(f -> Map.of()));
        RULES.put("POST /api/tasks/{id}/findings", post(Scope.TASK, List.of("panel", "caseworker"),
                Set.of(200, 400, 409), f -> Map.of("findings", List.of(Map.of("clause", "bullying", "upheld", false))))
                .withMatrixBody(f -> Map.of()));
        RULES.put("GET /api/cases/{ref}", rule(Scope.STAFF_CASE, STAFF, Set.of(200)));
        RULES.put("POST /api/cases/{ref}/interim-suspension", post(Scope.STAFF_CASE, List.of("caseworker"),
                Set.of(201, 409), f -> Map.of("reasons", "Continuing contact with the complainant after being asked to stop."),
                "reasons"));
        RULES.put("POST /api/cases/{ref}/interference", post(Scope.STAFF_CASE, List.of("caseworker", "panel"),
                Set.of(201), f -> Map.of("contactName", "Sam Officer", "contactRole", "Regional chair", "contactKind",
                        "office-holder", "contactedAt", "2026-11-01T10:15:00Z", "channel", "phone", "asked",
                        "Asked whether the case could be dropped before the selection meeting."),
                "contactName", "contactRole", "asked", "handlerResponse"));
        RULES.put("GET /api/cases/{ref}/interference", rule(Scope.STAFF_CASE, List.of("caseworker"), Set.of(200)));
        // conflicts of interest (issue 14, decision 0024): a handler's own register, and recusal from a task; the
        // matrix sends empty bodies (400), so no interest is declared and nobody recuses from the shared fixtures
        RULES.put("GET /api/me/interests", rule(Scope.ROLE, STAFF, Set.of(200)));
        RULES.put("POST /api/me/interests", post(Scope.ROLE, STAFF, Set.of(201, 400), f -> Map.of("kind", "member",
                "value", "M100006", "from", "2020-01-01")).withMatrixBody(f -> Map.of()));
        RULES.put("POST /api/me/interests/{id}/end", post(Scope.ROLE, STAFF, Set.of(200, 400, 404),
                f -> Map.of("to", "2026-01-01")).withMatrixBody(f -> Map.of()));
        RULES.put("POST /api/tasks/{id}/recusal", post(Scope.TASK, STAFF, Set.of(200, 400, 409),
                f -> Map.of("reason", "I know the complainant from the branch committee."), "reason")
                .withMatrixBody(f -> Map.of()));
        // pile-on merging (issue 8): the complainants who joined a case, for caseworkers only (never the panel)
        RULES.put("GET /api/cases/{ref}/complainants", new Rule(Scope.STAFF_CASE, List.of("caseworker"), Set.of(200),
                f -> null, Map.of("offset", "0", "limit", "20"), Set.of()));
        RULES.put("GET /api/trail/verification", rule(Scope.ROLE, List.of("nec", "dpo"), Set.of(200)));
        // evidence (issue 4): parties give and read, handlers read and record a lawful basis
        RULES.put("GET /api/evidence/consent-notice", rule(Scope.PUBLIC, List.of(), Set.of(200)));
        RULES.put("POST /api/me/cases/{ref}/evidence", post(Scope.CASE_PARTY, MEMBER, Set.of(201), f -> Map.of(
                "kind", "text", "text", "Members like you should be thrown out.",
                "attestPartyToExchange", true, "consent", Map.of("noticeVersion", "evidence-consent-2026.1",
                        "purpose", "complaint-handling")), "text"));
        // multipart: the matrix sends a form with no file (400 for the party: "attach the file")
        RULES.put("POST /api/me/cases/{ref}/evidence/files", post(Scope.CASE_PARTY, MEMBER, Set.of(400), f -> null)
                .withMatrixBody(f -> MULTIPART_WITHOUT_FILE));
        RULES.put("GET /api/me/cases/{ref}/evidence", rule(Scope.CASE_PARTY, MEMBER, Set.of(200)));
        RULES.put("GET /api/me/cases/{ref}/evidence/{id}/content", rule(Scope.CASE_PARTY, MEMBER, Set.of(200)));
        RULES.put("POST /api/me/cases/{ref}/evidence/{id}/withdraw", rule(Scope.EVIDENCE_OWNER, MEMBER, Set.of(200, 409)));
        RULES.put("GET /api/cases/{ref}/evidence", rule(Scope.STAFF_CASE, STAFF, Set.of(200)));
        RULES.put("GET /api/cases/{ref}/evidence/{id}/content", rule(Scope.STAFF_CASE, STAFF, Set.of(200)));
        RULES.put("POST /api/cases/{ref}/evidence/{id}/lawful-basis", post(Scope.STAFF_CASE, List.of("caseworker"),
                Set.of(200), f -> Map.of("basis", "art-9-2-d", "reason", "Conduct between members of the party."),
                "reason"));
        // blind for real (issue 14, decision 0028): the caseworker decides how a panel sees a file; the fixture's
        // item is text (no redaction decision: 409), and the matrix's multipart body has no file part (400)
        RULES.put("POST /api/cases/{ref}/evidence/{id}/redacted-copy", post(Scope.STAFF_CASE, List.of("caseworker"),
                Set.of(400, 409), f -> null).withMatrixBody(f -> MULTIPART_WITHOUT_FILE));
        RULES.put("GET /api/cases/{ref}/evidence/{id}/redacted-copy", rule(Scope.STAFF_CASE, List.of("caseworker"),
                Set.of(409)));
        RULES.put("POST /api/cases/{ref}/evidence/{id}/no-redaction", post(Scope.STAFF_CASE, List.of("caseworker"),
                Set.of(409), f -> Map.of("reason", "The words of the post only: no names, handles or places."),
                "reason"));
        // data protection (issue 4): a member's own rights, the DPO's work
        RULES.put("GET /api/me/data", rule(Scope.ROLE, MEMBER, Set.of(200)));
        // the language of my pages and letters (decision 0036); en-GB, so that no other test's letters change language
        RULES.put("PUT /api/me/language", post(Scope.ROLE, MEMBER, Set.of(200), f -> Map.of("language", "en-GB")));
        RULES.put("POST /api/me/subject-access-requests", rule(Scope.ROLE, MEMBER, Set.of(201)));
        RULES.put("POST /api/me/erasure-requests", post(Scope.ROLE, MEMBER, Set.of(201),
                f -> Map.of("statement", "Please erase what you hold about me."), "statement"));
        RULES.put("GET /api/privacy/subject-access-requests", rule(Scope.ROLE, DPO, Set.of(200)));
        RULES.put("POST /api/privacy/subject-access-requests/{id}/fulfil", rule(Scope.ROLE, DPO, Set.of(204, 404)));
        RULES.put("GET /api/privacy/members/{membershipNumber}/data", rule(Scope.ROLE, DPO, Set.of(200)));
        // the DPO's lookup and request history (issue 17, decision 0041): names and numbers only; a request that came
        // by post recorded on the member's behalf (the matrix records one for M100001: nothing else counts them)
        RULES.put("GET /api/privacy/subject-access-requests/{id}", rule(Scope.ROLE, DPO, Set.of(200, 404)));
        RULES.put("GET /api/privacy/members", new Rule(Scope.ROLE, DPO, Set.of(200), f -> null, Map.of("q", "Bren"),
                Set.of("q")));
        RULES.put("GET /api/privacy/members/{membershipNumber}/requests", rule(Scope.ROLE, DPO, Set.of(200)));
        RULES.put("POST /api/privacy/members/{membershipNumber}/requests", post(Scope.ROLE, DPO, Set.of(201),
                f -> Map.of("kind", "erasure", "receivedOn", "2026-12-01", "statement",
                        "Please erase my old complaints; my letter of 1 December."), "statement"));
        RULES.put("GET /api/privacy/erasure-requests", rule(Scope.ROLE, DPO, Set.of(200)));
        RULES.put("POST /api/privacy/erasure-requests/{id}/decision", post(Scope.ROLE, DPO, Set.of(200, 404, 409),
                f -> Map.of("approve", false, "reasons", "Needed for an open case."), "reasons"));
        RULES.put("GET /api/privacy/retention", rule(Scope.ROLE, DPO, Set.of(200)));
        RULES.put("POST /api/privacy/cases/{ref}/legal-hold", post(Scope.ROLE, DPO, Set.of(201, 409),
                f -> Map.of("reason", "Pre-action letter received."), "reason"));
        RULES.put("POST /api/privacy/cases/{ref}/legal-hold/release", post(Scope.ROLE, DPO, Set.of(204, 409),
                f -> Map.of("reason", "Claim settled."), "reason"));
        // fairness audit (issue 5): a member's own faction declaration; the NEC's reports
        RULES.put("GET /api/me/faction", rule(Scope.ROLE, MEMBER, Set.of(200)));
        RULES.put("PUT /api/me/faction", post(Scope.ROLE, MEMBER, Set.of(200),
                f -> Map.of("faction", "centre", "consent", true, "noticeVersion", "2026-1")));
        RULES.put("DELETE /api/me/faction", rule(Scope.ROLE, MEMBER, Set.of(204)));
        RULES.put("GET /api/audit/fairness", new Rule(Scope.ROLE, List.of("nec"), Set.of(200), f -> null,
                Map.of("quarter", "2026-Q3"), Set.of("region", "clp")));
        RULES.put("POST /api/audit/reports", post(Scope.ROLE, List.of("nec"), Set.of(201), f -> Map.of("quarter", "2026-Q2")));
        RULES.put("GET /api/audit/reports", rule(Scope.ROLE, List.of("nec"), Set.of(200)));
        RULES.put("GET /api/audit/reports/{id}", rule(Scope.ROLE, List.of("nec"), Set.of(200, 404)));
        // published fairness reports (issue 13): the NEC approves; anyone reads, signed in or not
        RULES.put("POST /api/audit/reports/{id}/publication", rule(Scope.ROLE, List.of("nec"), Set.of(200, 404, 409)));
        RULES.put("GET /api/published/fairness-reports", rule(Scope.PUBLIC, List.of(), Set.of(200)));
        RULES.put("GET /api/published/fairness-reports/{id}", rule(Scope.PUBLIC, List.of(), Set.of(200, 404)));
        RULES.put("GET /published/fairness-reports", rule(Scope.PUBLIC, List.of(), Set.of(200)));
        // confidence survey (issue 13): a member's own invitations; answering one (the matrix's id is no invitation
        // of anyone's: 404, as for another member's)
        RULES.put("GET /api/me/survey", rule(Scope.ROLE, MEMBER, Set.of(200)));
        RULES.put("POST /api/me/survey/{invitationId}", post(Scope.ROLE, MEMBER, Set.of(404),
                f -> Map.of("heard", 4, "neutral", 4, "respect", 5, "trust", 3)));
        // caseworkers' notes (issue 6): staff only, or a message to one party
        RULES.put("GET /api/cases/{ref}/notes", rule(Scope.STAFF_CASE, List.of("caseworker"), Set.of(200)));
        RULES.put("POST /api/cases/{ref}/notes", post(Scope.STAFF_CASE, List.of("caseworker"), Set.of(201),
                f -> Map.of("audience", "staff", "text", "Spoke to the complainant about the thread context."), "text"));
        // secure messages on a case (issue 15): a party's own thread; every thread for its caseworkers; no panel
        RULES.put("GET /api/me/cases/{ref}/messages", rule(Scope.CASE_PARTY, MEMBER, Set.of(200)));
        RULES.put("POST /api/me/cases/{ref}/messages", post(Scope.CASE_PARTY, MEMBER, Set.of(201),
                f -> Map.of("text", "Can I add the screenshots from the branch group chat?"), "text"));
        RULES.put("GET /api/cases/{ref}/messages", rule(Scope.STAFF_CASE, List.of("caseworker"), Set.of(200)));
        RULES.put("POST /api/cases/{ref}/messages", post(Scope.STAFF_CASE, List.of("caseworker"), Set.of(201),
                f -> Map.of("to", "complainant", "text", "Yes: add them under Add evidence on your case page."),
                "text", "to"));
        // pages (hidden from the OpenAPI document, found by scanning the JAX-RS resources); a page takes no
        // bearer token, so every signed-in role is sent to sign in; the browser suite (PagesEndToEndTest)
        // and PagesTest check each role's pages with a real session
        RULES.put("GET /definition", rule(Scope.PUBLIC, List.of(), Set.of(200)));
        RULES.put("GET /definition/{id}", rule(Scope.PUBLIC, List.of(), Set.of(200)));
        RULES.put("GET /definition/diff", rule(Scope.PUBLIC, List.of(), Set.of(200)));
        for (String page : List.of("GET /", "GET /process", "GET /process/complaint.bpmn", "GET /complain",
                "GET /privacy")) {
            RULES.put(page, rule(Scope.PUBLIC, List.of(), Set.of(200)));
        }
        RULES.put("GET /signin", rule(Scope.PAGE, List.of("member", "caseworker", "panel", "nec", "dpo", "manager"),
                Set.of(303)));
        for (String page : List.of("POST /me/complaints/new", "POST /me/complaints/new/review",
                "POST /me/cases/{ref}/evidence/new")) {
            RULES.put(page, rule(Scope.PAGE, MEMBER, Set.of(200)).withMatrixBody(f -> MULTIPART_WITHOUT_FILE));
        }
        for (String page : List.of("GET /me", "GET /me/cases/{ref}", "GET /me/complaints/new",
                "GET /me/members", "GET /me/cases/{ref}/respond",
                "POST /me/cases/{ref}/respond", "POST /me/cases/{ref}/respond/review", "GET /me/cases/{ref}/appeal", "POST /me/cases/{ref}/appeal",
                "GET /me/cases/{ref}/comment", "POST /me/cases/{ref}/comment",
                "GET /me/cases/{ref}/evidence/new", "GET /me/cases/{ref}/withdraw", "POST /me/cases/{ref}/withdraw",
                "GET /me/cases/{ref}/evidence/{id}", "GET /me/cases/{ref}/evidence/{id}/withdraw",
                "POST /me/cases/{ref}/evidence/{id}/withdraw", "GET /me/data", "GET /me/data/download",
                "GET /me/data/access-request", "POST /me/data/access-request", "POST /me/data/erasure-request",
                "POST /me/cases/{ref}/messages",
                "GET /me/inbox", "POST /me/language")) {
            RULES.put(page, rule(Scope.PAGE, MEMBER, Set.of(200)));
        }
        for (String page : List.of("GET /work", "GET /work/inbox", "POST /work/claims", "POST /work/tasks/{id}/claim", "GET /work/tasks/{id}",
                "POST /work/tasks/{id}/findings", "POST /work/tasks/{id}/findings/review",
                "POST /work/tasks/{id}", "POST /work/tasks/{id}/review", "GET /work/cases/{ref}", "GET /work/cases/{ref}/evidence/{id}",
                "GET /work/cases/{ref}/evidence/{id}/redacted-copy")) {
            RULES.put(page, rule(Scope.PAGE, STAFF, Set.of(200)));
        }
        for (String page : List.of("GET /work/interests", "POST /work/interests", "POST /work/interests/{id}/end",
                "GET /work/tasks/{id}/recusal", "POST /work/tasks/{id}/recusal")) {
            RULES.put(page, rule(Scope.PAGE, STAFF, Set.of(200)));
        }
        RULES.put("POST /work/cases/{ref}/evidence/{id}/redaction", rule(Scope.PAGE, List.of("caseworker"), Set.of(200))
                .withMatrixBody(f -> MULTIPART_WITHOUT_FILE));
        for (String page : List.of("POST /work/cases/{ref}/notes", "POST /work/cases/{ref}/interim-suspension",
                "GET /work/cases/{ref}/messages", "POST /work/cases/{ref}/messages",
                "GET /work/cases/{ref}/evidence/{id}/redaction")) {
            RULES.put(page, rule(Scope.PAGE, List.of("caseworker"), Set.of(200)));
        }
        for (String page : List.of("GET /nec/audit", "GET /nec/audit/download", "POST /nec/audit/reports",
                "GET /nec/audit/reports/{id}", "GET /nec/audit/reports/{id}/download",
                "POST /nec/audit/reports/{id}/publish")) {
            RULES.put(page, rule(Scope.PAGE, List.of("nec"), Set.of(200)));
        }
        for (String page : List.of("GET /nec/definition", "POST /nec/definition/drafts", "GET /nec/definition/drafts/{id}",
                "GET /nec/definition/drafts/{id}/changes", "POST /nec/definition/drafts/{id}/proposal",
                "POST /nec/definition/drafts/{id}/proposal/withdrawal", "GET /nec/definition/drafts/{id}/approval",
                "POST /nec/definition/drafts/{id}/approval", "POST /nec/definition/drafts/{id}/discard")) {
            RULES.put(page, rule(Scope.PAGE, NEC, Set.of(200)));
        }
        for (String item : List.of("general", "clause", "factor", "not-abuse", "ladder")) {
            RULES.put("GET /nec/definition/drafts/{id}/edit/" + item, rule(Scope.PAGE, NEC, Set.of(200)));
            RULES.put("POST /nec/definition/drafts/{id}/edit/" + item, rule(Scope.PAGE, NEC, Set.of(200)));
            if (!item.equals("general") && !item.equals("ladder")) {
                RULES.put("POST /nec/definition/drafts/{id}/edit/" + item + "/removal", rule(Scope.PAGE, NEC, Set.of(200)));
            }
        }
        for (String page : List.of("GET /me/fairness", "POST /me/fairness", "POST /me/fairness/withdraw",
                "GET /me/survey", "GET /me/survey/thanks", "GET /me/survey/{id}", "POST /me/survey/{id}")) {
            RULES.put(page, rule(Scope.PAGE, MEMBER, Set.of(200)));
        }
        for (String page : List.of("GET /dpo", "GET /dpo/members/{number}/data",
                "POST /dpo/subject-access-requests/{id}/fulfil", "GET /dpo/erasure-requests/{id}",
                "POST /dpo/erasure-requests/{id}", "GET /dpo/retention/{ref}", "POST /dpo/retention/{ref}",
                "GET /dpo/members", "GET /dpo/members/{number}", "POST /dpo/members/{number}/requests",
                "GET /dpo/subject-access-requests/{id}")) {
            RULES.put(page, rule(Scope.PAGE, DPO, Set.of(200)));
        }
        for (String page : List.of("GET /manager", "POST /manager/escalations/{id}/reassignment",
                "POST /manager/escalations/{id}/resolution", "GET /manager/handlers", "POST /manager/handlers",
                "GET /manager/handlers/{username}", "POST /manager/handlers/{username}/pools",
                "POST /manager/handlers/{username}/training", "POST /manager/handlers/{username}/deactivation",
                "POST /manager/handlers/{username}/reactivation", "GET /manager/pools", "POST /manager/pools",
                "POST /manager/pools/{id}", "GET /manager/interests", "POST /manager/interests",
                "POST /manager/interests/{id}/end", "GET /manager/tasks", "POST /manager/tasks/{id}/reassignment",
                "GET /manager/dashboard", "GET /manager/membership", "POST /manager/membership/uploads/{id}/apply")) {
            RULES.put(page, rule(Scope.PAGE, MANAGER, Set.of(200)));
        }
        RULES.put("POST /manager/membership/preview", rule(Scope.PAGE, MANAGER, Set.of(200))
                .withMatrixBody(f -> MULTIPART_WITHOUT_FILE));
        // factions and letters administered (issue 17, decision 0043): the matrix's kind and locale are a case reference
        // (404); a faction list without the factions in force is refused (400), so the fixtures publish nothing
        RULES.put("GET /api/manager/letters", rule(Scope.ROLE, MANAGER, Set.of(200)));
        RULES.put("GET /api/manager/letters/{kind}/{locale}", rule(Scope.ROLE, MANAGER, Set.of(404)));
        for (String write : List.of("POST /api/manager/letters/{kind}/{locale}/preview",
                "POST /api/manager/letters/{kind}/{locale}/versions")) {
            RULES.put(write, post(Scope.ROLE, MANAGER, Set.of(404), f -> Map.of("subject", "We have your complaint",
                    "body", "Thank you: about {m.respondentName}."), "subject", "body"));
        }
        RULES.put("GET /api/manager/factions", rule(Scope.ROLE, MANAGER, Set.of(200)));
        RULES.put("POST /api/manager/factions/preview", post(Scope.ROLE, MANAGER, Set.of(200, 400), f -> Map.of(
                "noticeVersion", "2026-1", "factions", List.of(Map.of("key", "left", "label", "Left"),
                        Map.of("key", "soft-left", "label", "Soft left"), Map.of("key", "centre", "label", "Centre"),
                        Map.of("key", "right", "label", "Right")))));
        RULES.put("POST /api/manager/factions/versions", post(Scope.ROLE, MANAGER, Set.of(400), f -> Map.of(
                "noticeVersion", "2026-1", "factions", List.of(Map.of("key", "left", "label", "Left")))));
        RULES.put("GET /manager/letters", rule(Scope.PAGE, MANAGER, Set.of(200)));
        RULES.put("GET /manager/letters/{kind}/{locale}", rule(Scope.PAGE, MANAGER, Set.of(200, 404)));
        RULES.put("POST /manager/letters/{kind}/{locale}", rule(Scope.PAGE, MANAGER, Set.of(200, 400, 404)));
        RULES.put("GET /manager/factions", rule(Scope.PAGE, MANAGER, Set.of(200)));
        RULES.put("POST /manager/factions", rule(Scope.PAGE, MANAGER, Set.of(200, 400)));
    }

    private AccessRules() {
    }

    /** A signed token carrying exactly this one role. */
    public static String token(String user, String role) {
        return TestOidcServer.accessToken(user, Set.of(role));
    }

    /**
     * Cases and tasks every role can be tested against: case A (alice against bob) at the panel
     * stage, and case C (alice against carol, both of casey's CLP) at triage.
     */
    public static final class Fixtures {
        public final String caseA;
        public final String caseC;
        public final String seated;
        public final String unseated;
        public final String panelTask;
        public final String triageTaskC;
        public final String evidenceA;
        public final String caseE;
        public final String evidenceE;
        public final String caseW;

        private static Fixtures instance;

        public static synchronized Fixtures get() {
            if (instance == null) {
                instance = new Fixtures();
            }
            return instance;
        }

        private Fixtures() {
            caseA = file("alice", "M100002", LocalDate.of(2026, 4, 20), List.of("bullying"),
                    "Mocking posts about my stammer in the branch group, week after week, after I asked them to stop.");
            evidenceA = Long.toString(Evidence.give("alice", caseA, Evidence.text("Here comes the st-st-stammer again.",
                    List.of("Alice: I will speak at the next meeting"))));
            Api.Held triageA = claimed(List.of("quinn", "rowan"), caseA, "triage");
            Api.as(triageA.user()).body(Map.of("basis", "art-9-2-d", "reason", "Conduct between members."))
                    .post("/api/cases/" + caseA + "/evidence/" + evidenceA + "/lawful-basis").then().statusCode(200);
            complete(triageA, Map.of("inScope", true, "clauses",
                    List.of("bullying"), "reasons", "Repeated belittling of a disability."));
            EngineClock.advance(Duration.ofDays(15));
            try {
                EngineClock.fireDueTimers(caseA);
            } finally {
                EngineClock.reset();
            }
            complete(tasks(CASEWORKERS, caseA, "investigate").get(0), Map.of("report", "Posts confirmed."));
            org.evenhand.testing.EngineClock.endCommentWindow(caseA);
            List<Api.Held> panel = tasks(PANEL, caseA, "panelDecision");
            seated = panel.get(0).user();
            panelTask = panel.get(0).taskId();
            unseated = PANEL.stream().filter(p -> panel.stream().noneMatch(h -> h.user().equals(p))).findFirst()
                    .orElseThrow();
            caseC = file("alice", "M100003", LocalDate.of(2026, 5, 2), List.of("harassment"),
                    "Messages to me at night for a fortnight about the branch vote, after I asked them to stop.");
            triageTaskC = tasks(List.of("quinn"), caseC, "triage").get(0).taskId();
            caseE = file("alice", "M100004", LocalDate.of(2026, 6, 6), List.of("bullying"),
                    "Posts mocking my work for the branch, every week since the spring.");
            evidenceE = Long.toString(Evidence.give("alice", caseE, Evidence.text("Useless as ever.", List.of())));
            caseW = file("alice", "M100006", LocalDate.of(2026, 6, 20), List.of("harassment"),
                    "Direct messages every evening about my vote at the branch, after I asked for them to stop.");
        }

        /** The caller for a role: their own resources, or (foreign) someone of that role with no claim to them. */
        public String user(String role, Scope scope, boolean own) {
            return switch (role) {
                case "member" -> own ? (scope == Scope.CASE_RESPONDENT ? "bob" : "alice") : "dan";
                case "caseworker" -> own ? "quinn" : "casey";
                case "panel" -> own ? seated : unseated;
                case "nec" -> "nora";
                case "dpo" -> "dara";
                case "manager" -> "mona";
                default -> null;
            };
        }

        /** The value of a path parameter for this scope and role. */
        public String param(String name, Scope scope, String role) {
            return switch (scope) {
                case CASE_PARTY, CASE_RESPONDENT, STAFF_CASE -> "id".equals(name) ? evidenceA : caseA;
                case EVIDENCE_OWNER -> "id".equals(name) ? evidenceE : caseE;
                case CASE_TO_END -> caseW;
                case TASK -> "caseworker".equals(role) ? triageTaskC : panelTask;
                default -> "id".equals(name) ? "2026.1" : "membershipNumber".equals(name) ? "M100001"
                        : "username".equals(name) ? "rowan" : caseA;
            };
        }
    }
}
