package org.evenhand.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.evenhand.casework.Responding;
import org.evenhand.casework.CaseViews;
import org.evenhand.casework.PanelService;
import org.evenhand.casework.Payloads;
import org.evenhand.common.FailureMappers;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.evidence.EvidenceConfig;
import org.evenhand.evidence.EvidenceRecords;
import org.evenhand.evidence.EvidenceService;
import org.evenhand.evidence.UploadParts;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Member;
import org.evenhand.identity.MemberDirectory;
import org.evenhand.identity.Roles;
import org.evenhand.privacy.ErasureService;
import org.evenhand.privacy.SubjectAccessService;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;

/**
 * A member's pages: their cases, each case with its timeline, deadlines and stage; filing a
 * complaint; responding; appealing; giving and withdrawing evidence; their data. Every action goes
 * through the same services as the API, with the same checks.
 */
@Path("/me")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.MEMBER)
public class MemberPages {

    static final Map<String, String> DONE = Map.of(
            "filed", "Your complaint has been received. A caseworker with no connection to either of you will triage it,"
                    + " and we will write to you when they have.",
            "responded", "Your response has been sent. It goes to the investigator with the complaint.",
            "appealed", "Your appeal has been lodged. A new panel of three will hear it; both of you have been told.",
            "evidence", "Your evidence has been added to the case.",
            "withdrawn", "Your consent is withdrawn. No one can read that item again.",
            "access", "Your request has gone to the data protection officer, who must answer within one month.",
            "erasure", "Your request for erasure has gone to the data protection officer, who must decide within one month.");

    public record CaseRow(String ref, String role, String stage, String received, String receivedIso, String action,
            Due next) {
    }

    public record CasesPage(String name, List<CaseRow> rows, String done) {
    }

    public record EvidenceRow(long id, String what, String givenBy, String given, String status, boolean inUse,
            boolean yours, String lawfulBasis) {

        /** "Given by you on 3 August 2026", "Given by the complainant on …". */
        public String givenLine() {
            return "Given by " + (yours ? "you" : givenBy.toLowerCase(java.util.Locale.UK)) + " on " + given;
        }
    }

    public record TimelineRow(String when, String iso, List<String> text) {
    }

    public record CasePage(CaseViews.MemberCase c, String title, boolean complainant, String stageLabel,
            String stageExplanation, List<CaseDisplay.StageStep> stages, List<Due> deadlines, boolean canRespond,
            boolean canAppeal, Due respondBy, Due appealBy, List<String> allegation, List<Definitions.ClauseOption> cited,
            List<Definitions.ClauseOption> engaged, List<CaseDisplay.DecisionDisplay> decisions,
            List<EvidenceRow> evidence, boolean open, String done, List<TimelineRow> timeline, List<String> appealGrounds,
            String diagramStep) {
    }

    public record Choice(String value, String label) {
    }

    public record FilePage(List<Definitions.VersionClauses> versions, List<Choice> found, String chosenLabel,
            String searched, EvidenceRecords.ConsentNotice notice, String today, long maxFileMb) {
    }

    public record ActionPage(String ref, String title, Due due, List<String> allegation,
            List<Definitions.ClauseOption> clauses, List<CaseDisplay.DecisionDisplay> decisions) {
    }

    public record EvidenceFormPage(String ref, String title, EvidenceRecords.ConsentNotice notice, long maxFileMb) {
    }

    public record EvidenceItemPage(String ref, long id, String kind, String text, String url, List<String> thread,
            String back, String nav) {
    }

    public record WithdrawPage(String ref, EvidenceRow item) {
    }

    public record DataPage(String name, String membershipNumber, String done) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance cases(CasesPage page);

        static native TemplateInstance caseFile(CasePage page);

        static native TemplateInstance file(FilePage page, Form form);

        static native TemplateInstance respond(ActionPage page, Form form);

        static native TemplateInstance appeal(ActionPage page, Form form);

        static native TemplateInstance evidence(EvidenceFormPage page, Form form);

        static native TemplateInstance evidenceItem(EvidenceItemPage page);

        static native TemplateInstance withdraw(WithdrawPage page, Form form);

        static native TemplateInstance data(DataPage page, Form form);
    }

    @Inject
    CaseViews views;
    @Inject
    Responding cases;
    @Inject
    PanelService panels;
    @Inject
    EvidenceService evidence;
    @Inject
    EvidenceConfig evidenceConfig;
    @Inject
    MemberDirectory directory;
    @Inject
    SubjectAccessService access;
    @Inject
    ErasureService erasure;
    @Inject
    Definitions definitions;
    @Inject
    CaseDisplay display;
    @Inject
    Filing filing;
    @Inject
    TimeSource time;
    @Inject
    CurrentUser user;
    @Inject
    PageErrors errors;


    /** A form that did not arrive whole (evidence.UploadParts): a page, not a 500; nothing was stored. */
    @ServerExceptionMapper({ IOException.class, MultipartParser.MalformedMessageException.class })
    public Response brokenUpload(Exception e, HttpHeaders headers, UriInfo uri) {
        return UploadParts.broken(e, headers.getHeaderString(HttpHeaders.CONTENT_TYPE))
                .map(p -> errors.page(400, "The form did not arrive in full", "The connection may have been cut"
                        + " while it was being sent. Nothing has been saved. Go back and send the form again."))
                .orElseGet(() -> new FailureMappers().unexpected(e, uri));
    }


    // ------------------------------------------------------------ my cases

    @GET
    @Operation(hidden = true)
    public Response cases(@QueryParam("done") String done) {
        Member m = user.requireMember();
        Instant now = time.now();
        List<CaseRow> rows = new ArrayList<>();
        for (CaseViews.CaseSummary s : views.casesOf(m)) {
            CaseViews.MemberCase c = views.forMember(m, s.ref());
            String action = c.youCan().contains("respond") ? "Respond to the allegation"
                    : c.youCan().contains("appeal") ? "You may appeal" : null;
            Due next = display.deadlines(c.deadlines(), now).stream().findFirst().orElse(null);
            String role = Character.toUpperCase(s.yourRole().charAt(0)) + s.yourRole().substring(1);
            rows.add(new CaseRow(s.ref(), role, s.stage(), Formats.shortDate(s.receivedAt()),
                    Formats.iso(s.receivedAt()), action, next));
        }
        return Html.ok(Templates.cases(new CasesPage(m.displayName, rows, Html.message(DONE, done))));
    }

    // ------------------------------------------------------------ one case

    @GET
    @Path("/cases/{ref}")
    @Operation(hidden = true)
    public Response caseFile(@PathParam("ref") String ref, @QueryParam("done") String done) {
        Member m = user.requireMember();
        CaseViews.MemberCase c = views.forMember(m, ref);
        Instant now = time.now();
        boolean complainant = "complainant".equals(c.yourRole());
        List<Due> deadlines = display.deadlines(c.deadlines(), now);
        Due respondBy = c.youCan().contains("respond") ? find(deadlines, "Response due") : null;
        Due appealBy = c.youCan().contains("appeal") ? find(deadlines, "Appeal window closes") : null;
        var v = definitions.version(c.definitionVersion());
        List<EvidenceRow> items = evidence.forMember(m, ref).stream().map(MemberPages::row).toList();
        List<TimelineRow> timeline = new ArrayList<>(c.timeline().stream().map(e -> new TimelineRow(
                Formats.when(e.at()), Formats.iso(e.at()), CaseDisplay.paragraphs(e.summary()))).toList());
        java.util.Collections.reverse(timeline);
        String title = complainant ? "Your complaint about " + c.otherParty() : "The complaint about you";
        List<String> grounds = c.appeal() == null ? List.of()
                : c.appeal().grounds().stream().map(CaseDisplay::ground).toList();
        return Html.ok(Templates.caseFile(new CasePage(c, title, complainant, c.stage().label(),
                c.stage().explanation(), display.stages(c.stage(), c.appeal() != null), deadlines,
                c.youCan().contains("respond"), c.youCan().contains("appeal"), respondBy, appealBy,
                CaseDisplay.paragraphs(c.allegation()), definitions.clauses(v, ids(c.clausesCited())),
                definitions.clauses(v, ids(c.clausesEngaged())), display.decisions(c.decisions()), items,
                "OPEN".equals(c.status()), Html.message(DONE, done), timeline, grounds, c.stage().step())));
    }

    private static List<String> ids(List<CaseViews.ClauseRef> refs) {
        return refs == null ? List.of() : refs.stream().map(CaseViews.ClauseRef::id).toList();
    }

    private static Due find(List<Due> list, String label) {
        return list.stream().filter(d -> d != null && d.label().equals(label)).findFirst().orElse(null);
    }

    static EvidenceRow row(EvidenceRecords.View v) {
        String what = switch (v.kind()) {
            case "file" -> v.filename() + " (" + ("application/pdf".equals(v.mediaType()) ? "PDF" : "image") + ", "
                    + size(v.sizeBytes()) + ")";
            case "link" -> "A link to a post";
            default -> "A text excerpt";
        };
        String status = switch (v.status()) {
            case "withdrawn" -> "Consent withdrawn on " + Formats.date(v.consentWithdrawnAt());
            case "destroyed" -> "Destroyed";
            default -> "In use";
        };
        return new EvidenceRow(v.id(), what, v.yours() ? "You" : "The " + v.party(), Formats.date(v.createdAt()),
                status, "in-use".equals(v.status()), v.yours(), v.lawfulBasis());
    }

    static String size(Long bytes) {
        if (bytes == null) {
            return "";
        }
        return bytes < 1024 * 1024 ? Math.max(1, bytes / 1024) + " KB" : String.format("%.1f MB", bytes / 1048576.0);
    }

    // ------------------------------------------------------------ filing a complaint

    @GET
    @Path("/complaints/new")
    @Operation(hidden = true)
    public Response newComplaint() {
        return Html.ok(Templates.file(filePage(Form.empty(), List.of(), null), Form.empty()));
    }

    /** For the picker on the filing form: members matching a name or number, never yourself. */
    @GET
    @Path("/members")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public List<MemberDirectory.MemberSummary> members(@QueryParam("q") String q) {
        Member me = user.requireMember();
        return directory.search(q).stream().filter(s -> !s.membershipNumber().equals(me.membershipNumber)).toList();
    }

    @POST
    @Path("/complaints/new")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Response fileComplaint(@RestForm String action, @RestForm String respondentQuery,
            @RestForm String respondent, @RestForm String conductDate, @RestForm List<String> clauses,
            @RestForm String allegation, @RestForm String conductLink, @RestForm String evidenceText,
            @RestForm String evidenceThread, @RestForm("evidenceFile") FileUpload file, @RestForm String consent,
            @RestForm String attest) {
        UploadParts.requireOneFileAt("evidenceFile");
        Member me = user.requireMember();
        Form form = Form.empty().set("respondentQuery", respondentQuery).set("respondent", respondent)
                .set("conductDate", conductDate).setAll("clauses", clauses).set("allegation", allegation)
                .set("conductLink", conductLink).set("evidenceText", evidenceText).set("evidenceThread", evidenceThread)
                .set("consent", consent).set("attest", attest);
        if ("find".equals(action)) {
            form.set("respondent", null);
            List<Choice> found = find(form, me);
            return Html.ok(Templates.file(filePage(form, found, null), form));
        }
        if (form.text("respondent") == null) {
            // next to the list of members found, or next to the search box when there is no list yet
            boolean listed = form.text("respondentQuery") != null && form.text("respondentQuery").length() >= 2;
            form.error(listed ? "respondent" : "respondentQuery", listed ? "Choose the member you are complaining"
                    + " about from the list." : "Search for the member you are complaining about, and choose them.");
        }
        LocalDate date = checkDate(form, "conductDate");
        if (form.values("clauses").isEmpty()) {
            form.error("clauses", "Choose at least one clause that you think was breached.");
        }
        String text = form.text("allegation");
        if (text == null) {
            form.error("allegation", "Describe what happened.");
        } else if (text.length() < 10) {
            form.error("allegation", "Say a little more about what happened (at least 10 characters).");
        } else if (text.length() > 20000) {
            form.error("allegation", "Keep the description to 20,000 characters; put the rest in your evidence.");
        }
        if (form.text("conductLink") != null && !form.text("conductLink").matches("https?://\\S+")) {
            form.error("conductLink", "Give a web address starting with https:// or http://, or leave this empty.");
        }
        Filing.EvidenceInput ev = evidenceInput(form, file, "evidenceText", null);
        if (!form.hasErrors()) {
            try {
                String ref = filing.file(me, form.text("respondent"), date, form.values("clauses"), text,
                        form.text("conductLink"), ev);
                return Html.seeOther("/me/cases/" + ref + "?done=filed");
            } catch (ProblemException e) {
                PageErrors.onto(form, e, FILING_FIELDS, "allegation");
            } catch (ConstraintViolationException e) {
                PageErrors.onto(form, e, FILING_FIELDS, "allegation");
            }
        }
        if (file != null && file.fileName() != null && !file.fileName().isBlank()) {
            form.error("evidenceFile", "For your safety the browser does not keep a chosen file when a form comes"
                    + " back: choose " + file.fileName() + " again.");
        }
        List<Choice> found = form.text("respondentQuery") != null && form.text("respondent") == null ? find(form, me)
                : List.of();
        return Html.page(400, Templates.file(filePage(form, found, date), form));
    }

    static final Map<String, String> FILING_FIELDS = Map.ofEntries(
            Map.entry("respondentMembershipNumber", "respondent"), Map.entry("conductDate", "conductDate"),
            Map.entry("clauses", "clauses"), Map.entry("allegation", "allegation"),
            Map.entry("conductLink", "conductLink"), Map.entry("text", "evidenceText"),
            Map.entry("url", "evidenceLink"), Map.entry("file", "evidenceFile"),
            Map.entry("threadContext", "evidenceThread"), Map.entry("attestPartyToExchange", "attest"),
            Map.entry("consent.noticeVersion", "consent"), Map.entry("consent.purpose", "consent"),
            Map.entry("noticeVersion", "consent"));

    private List<Choice> find(Form form, Member me) {
        String q = form.text("respondentQuery");
        if (q == null || q.length() < 2) {
            form.error("respondentQuery", "Type at least 2 letters of their name, or their membership number.");
            return List.of();
        }
        List<Choice> found = members(q.length() > 100 ? q.substring(0, 100) : q).stream()
                .map(s -> new Choice(s.membershipNumber(), s.displayName() + " (" + s.membershipNumber() + ")"))
                .toList();
        if (found.isEmpty()) {
            form.error("respondentQuery", "No member matches \u201c" + q + "\u201d. Check the spelling, or use their"
                    + " membership number.");
        }
        return found;
    }

    private FilePage filePage(Form form, List<Choice> found, LocalDate date) {
        String chosen = null;
        String number = form.text("respondent");
        if (number != null) {
            chosen = Member.byMembershipNumber(number).map(m -> m.displayName + " (" + m.membershipNumber + ")")
                    .orElse(null);
        }
        return new FilePage(definitions.pickers(date), found, chosen, form.text("respondentQuery"), evidence.notice(),
                time.today().toString(), evidenceConfig.maxFileBytes() / (1024 * 1024));
    }

    /** A date as the browser's date field sends it (yyyy-mm-dd), not in the future. */
    private LocalDate checkDate(Form form, String field) {
        String raw = form.text(field);
        if (raw == null) {
            form.error(field, "Give the date of the conduct.");
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(raw);
            if (d.isAfter(time.today())) {
                form.error(field, "The date of the conduct cannot be in the future.");
                return null;
            }
            if (definitions.inForceOn(d).isEmpty()) {
                form.error(field, "Conduct before " + Formats.date(definitions.pickers(null).get(0).from())
                        + " predates the first published definition of abuse, so it cannot be the subject of a complaint.");
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            form.error(field, "Give the date as day, month and year, for example " + Formats.date(time.today()) + ".");
            return null;
        }
    }

    /**
     * The evidence part of a form, checked: nothing given is fine; anything given needs the
     * attestation and the consent.
     */
    private Filing.EvidenceInput evidenceInput(Form form, FileUpload file, String textField, String linkField) {
        String text = form.text(textField);
        String link = linkField == null ? null : form.text(linkField);
        byte[] bytes = null;
        String name = null;
        if (file != null && file.fileName() != null && !file.fileName().isBlank()) {
            if (file.size() > evidenceConfig.maxFileBytes()) {
                form.error("evidenceFile", "The file is " + size(file.size()) + "; files can be at most "
                        + evidenceConfig.maxFileBytes() / (1024 * 1024) + " MB.");
            } else if (file.size() == 0) {
                form.error("evidenceFile", "The file is empty.");
            } else {
                try {
                    bytes = Files.readAllBytes(file.uploadedFile());
                    name = file.fileName();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        if (text != null && text.length() > 20000) {
            form.error(textField, "Keep an excerpt to 20,000 characters, or give a screenshot or PDF instead.");
        }
        if (link != null && !link.matches("https?://\\S+")) {
            form.error(linkField, "Give a web address starting with https:// or http://.");
        }
        boolean any = text != null || link != null || bytes != null || form.invalid("evidenceFile");
        List<String> thread = CaseDisplay.paragraphs(form.text("evidenceThread"));
        if (any) {
            if (!form.ticked("attest")) {
                form.error("attest", "Confirm that you took part in this exchange, or that it was addressed to you.");
            }
            if (!form.ticked("consent")) {
                form.error("consent", "Give your consent to the use of this evidence as the notice describes, or"
                        + " leave the evidence out.");
            }
            if (thread.size() > org.evenhand.common.FieldLimits.THREAD_MESSAGES) {
                form.error("evidenceThread", "Give at most " + org.evenhand.common.FieldLimits.THREAD_MESSAGES + " earlier messages.");
            }
        } else if (!thread.isEmpty()) {
            form.error("evidenceThread", "You gave earlier messages but no excerpt, link or file for them to go with.");
        }
        if (!any) {
            return null;
        }
        return new Filing.EvidenceInput(text, link, bytes, name, thread, form.ticked("attest"),
                form.ticked("consent") ? form.value("consent") : null);
    }

    // ------------------------------------------------------------ respond

    @GET
    @Path("/cases/{ref}/respond")
    @Operation(hidden = true)
    public Response respondForm(@PathParam("ref") String ref) {
        return Html.ok(Templates.respond(actionPage(ref, "respond"), Form.empty()));
    }

    @POST
    @Path("/cases/{ref}/respond")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response respond(@PathParam("ref") String ref, MultivaluedMap<String, String> fields) {
        Member m = user.requireMember();
        Form form = Form.of(fields);
        String statement = form.text("statement");
        if (statement == null) {
            form.error("statement", "Write your response. If you do not wish to respond, you need not send anything.");
        } else if (statement.length() > 50000) {
            form.error("statement", "Keep your response to 50,000 characters.");
        }
        if (!form.hasErrors()) {
            try {
                cases.respond(m, ref, new Payloads.Response(statement));
                return Html.seeOther("/me/cases/" + ref + "?done=responded");
            } catch (ProblemException e) {
                if (e.status() != 400) {
                    throw e;
                }
                PageErrors.onto(form, e, Map.of("statement", "statement"), "statement");
            }
        }
        return Html.page(400, Templates.respond(actionPage(ref, "respond"), form));
    }

    // ------------------------------------------------------------ appeal

    @GET
    @Path("/cases/{ref}/appeal")
    @Operation(hidden = true)
    public Response appealForm(@PathParam("ref") String ref) {
        return Html.ok(Templates.appeal(actionPage(ref, "appeal"), Form.empty()));
    }

    @POST
    @Path("/cases/{ref}/appeal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response appeal(@PathParam("ref") String ref, MultivaluedMap<String, String> fields) {
        Member m = user.requireMember();
        Form form = Form.of(fields);
        List<Payloads.AppealGround> grounds = new ArrayList<>();
        for (String g : form.values("grounds")) {
            try {
                grounds.add(Payloads.AppealGround.valueOf(g));
            } catch (IllegalArgumentException e) {
                form.error("grounds", "Choose the grounds from the list.");
            }
        }
        if (grounds.isEmpty()) {
            form.error("grounds", "Choose at least one ground of appeal.");
        }
        String statement = form.text("statement");
        if (statement == null) {
            form.error("statement", "Explain why the decision should be changed, on the grounds you chose.");
        } else if (statement.length() > 50000) {
            form.error("statement", "Keep your statement to 50,000 characters.");
        }
        if (!form.hasErrors()) {
            try {
                panels.lodgeAppeal(m, ref, new Payloads.AppealRequest(grounds, statement));
                return Html.seeOther("/me/cases/" + ref + "?done=appealed");
            } catch (ProblemException e) {
                if (e.status() != 400) {
                    throw e;
                }
                PageErrors.onto(form, e, Map.of("grounds", "grounds", "statement", "statement"), "statement");
            }
        }
        return Html.page(400, Templates.appeal(actionPage(ref, "appeal"), form));
    }

    /** The case as the respond and appeal forms show it; 409 once the window has closed. */
    private ActionPage actionPage(String ref, String action) {
        Member m = user.requireMember();
        CaseViews.MemberCase c = views.forMember(m, ref);
        if (!c.youCan().contains(action)) {
            throw ProblemException.conflict("respond".equals(action)
                    ? "the time to respond to the allegation on case " + ref + " is not open, or you are not the respondent"
                    : "the time to appeal on case " + ref + " is not open, or an appeal has already been lodged");
        }
        List<Due> deadlines = display.deadlines(c.deadlines(), time.now());
        Due due = find(deadlines, "respond".equals(action) ? "Response due" : "Appeal window closes");
        var v = definitions.version(c.definitionVersion());
        String title = "respond".equals(action) ? "Respond to the allegation" : "Appeal against the decision";
        return new ActionPage(ref, title, due, CaseDisplay.paragraphs(c.allegation()),
                definitions.clauses(v, ids(c.clausesEngaged())), display.decisions(c.decisions()));
    }

    // ------------------------------------------------------------ evidence

    @GET
    @Path("/cases/{ref}/evidence/new")
    @Operation(hidden = true)
    public Response evidenceForm(@PathParam("ref") String ref) {
        return Html.ok(Templates.evidence(evidencePage(ref), Form.empty()));
    }

    @POST
    @Path("/cases/{ref}/evidence/new")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Response addEvidence(@PathParam("ref") String ref, @RestForm String evidenceText,
            @RestForm String evidenceLink, @RestForm String evidenceThread, @RestForm("evidenceFile") FileUpload file,
            @RestForm String consent, @RestForm String attest) {
        UploadParts.requireOneFileAt("evidenceFile");
        Member m = user.requireMember();
        EvidenceFormPage page = evidencePage(ref);
        Form form = Form.empty().set("evidenceText", evidenceText).set("evidenceLink", evidenceLink)
                .set("evidenceThread", evidenceThread).set("consent", consent).set("attest", attest);
        Filing.EvidenceInput ev = evidenceInput(form, file, "evidenceText", "evidenceLink");
        if (ev == null && !form.hasErrors()) {
            form.error("evidenceText", "Give an excerpt, a link or a file.");
        }
        if (!form.hasErrors()) {
            try {
                filing.addEvidence(m, ref, ev);
                return Html.seeOther("/me/cases/" + ref + "?done=evidence#evidence");
            } catch (ProblemException e) {
                if (e.status() == 404 || e.status() == 409) {
                    throw e;
                }
                PageErrors.onto(form, e, FILING_FIELDS, "evidenceText");
            } catch (ConstraintViolationException e) {
                PageErrors.onto(form, e, FILING_FIELDS, "evidenceText");
            }
        }
        if (file != null && file.fileName() != null && !file.fileName().isBlank() && !form.invalid("evidenceFile")) {
            form.error("evidenceFile", "For your safety the browser does not keep a chosen file when a form comes"
                    + " back: choose " + file.fileName() + " again.");
        }
        return Html.page(400, Templates.evidence(page, form));
    }

    private EvidenceFormPage evidencePage(String ref) {
        CaseViews.MemberCase c = views.forMember(user.requireMember(), ref);
        if (!"OPEN".equals(c.status())) {
            throw ProblemException.conflict("case " + ref + " has ended; no more evidence can be added");
        }
        return new EvidenceFormPage(ref, "complainant".equals(c.yourRole()) ? "Your complaint about " + c.otherParty()
                : "The complaint about you", evidence.notice(), evidenceConfig.maxFileBytes() / (1024 * 1024));
    }

    /** Reads an item (the read is logged, as on the API): text on a page, files as a download. */
    @GET
    @Path("/cases/{ref}/evidence/{id}")
    @Produces({ MediaType.TEXT_HTML, "image/png", "image/jpeg", "application/pdf" })
    @Operation(hidden = true)
    public Response evidenceItem(@PathParam("ref") String ref, @PathParam("id") long id) {
        Object content = evidence.readAsMember(user.requireMember(), ref, id);
        return evidenceResponse(ref, id, content, "/me/cases/" + ref + "#evidence");
    }

    static Response evidenceResponse(String ref, long id, Object content, String back) {
        if (content instanceof EvidenceRecords.FileContent f) {
            return Response.ok(f.bytes(), f.mediaType())
                    .header("Content-Disposition", "attachment; filename=\"" + f.filename() + "\"")
                    .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store").build();
        }
        EvidenceRecords.Content c = (EvidenceRecords.Content) content;
        return Html.ok(Templates.evidenceItem(new EvidenceItemPage(ref, id, c.kind(), c.text(), c.url(),
                c.threadContext(), back, back.startsWith("/work") ? "work" : "me")));
    }

    @GET
    @Path("/cases/{ref}/evidence/{id}/withdraw")
    @Operation(hidden = true)
    public Response withdrawForm(@PathParam("ref") String ref, @PathParam("id") long id) {
        return Html.ok(Templates.withdraw(new WithdrawPage(ref, ownItem(ref, id)), Form.empty()));
    }

    @POST
    @Path("/cases/{ref}/evidence/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response withdraw(@PathParam("ref") String ref, @PathParam("id") long id,
            MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        EvidenceRow item = ownItem(ref, id);
        if (!form.ticked("confirm")) {
            form.error("confirm", "Tick the box to confirm that you want to withdraw your consent.");
            return Html.page(400, Templates.withdraw(new WithdrawPage(ref, item), form));
        }
        evidence.withdraw(user.requireMember(), ref, id);
        return Html.seeOther("/me/cases/" + ref + "?done=withdrawn#evidence");
    }

    private EvidenceRow ownItem(String ref, long id) {
        return evidence.forMember(user.requireMember(), ref).stream().filter(v -> v.id() == id && v.yours())
                .map(MemberPages::row).findFirst().orElseThrow(() -> ProblemException.notFound("evidence item " + id));
    }

    // ------------------------------------------------------------ my data

    @GET
    @Path("/data")
    @Operation(hidden = true)
    public Response data(@QueryParam("done") String done) {
        Member m = user.requireMember();
        return Html.ok(Templates.data(new DataPage(m.displayName, m.membershipNumber, Html.message(DONE, done)), Form.empty()));
    }

    @GET
    @Path("/data/download")
    @Produces("application/zip")
    @Operation(hidden = true)
    public Response download() {
        Member m = user.requireMember();
        return Response.ok(access.pack(m, m.username), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"evenhand-" + m.membershipNumber + ".zip\"")
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("/data/access-request")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response requestAccess(MultivaluedMap<String, String> fields) {
        access.request(user.requireMember());
        return Html.seeOther("/me/data?done=access");
    }

    @POST
    @Path("/data/erasure-request")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response requestErasure(MultivaluedMap<String, String> fields) {
        Member m = user.requireMember();
        Form form = Form.of(fields);
        String statement = form.text("statement");
        if (statement == null) {
            form.error("statement", "Say what you would like erased, and why if you wish.");
        } else if (statement.length() > 5000) {
            form.error("statement", "Keep this to 5,000 characters.");
        }
        if (form.hasErrors()) {
            return Html.page(400, Templates.data(new DataPage(m.displayName, m.membershipNumber, null), form));
        }
        erasure.request(m, statement);
        return Html.seeOther("/me/data?done=erasure");
    }
}
