package org.evenhand.casework;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.definition.DefinitionVersion;
import org.evenhand.definition.Definitions;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Roles;
import org.evenhand.web.Due;
import org.evenhand.web.Form;
import org.evenhand.web.Formats;
import org.evenhand.web.Html;
import org.evenhand.web.PageErrors;
import org.evenhand.web.Viewer;

/**
 * Caseworkers' and panel members' pages: the queue, each task with its form, and the case file.
 * Tasks are completed through TaskService with the same payloads as the API; panel members see
 * cases blind, exactly as the staff API shows them.
 */
@Path("/work")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.CASEWORKER, Roles.PANEL })
public class WorkPages {

    /** Each task's title in the queue, from the process contract. */
    static final Map<String, String> KINDS = java.util.Arrays.stream(TaskKind.values()).filter(TaskKind::isTask)
            .collect(java.util.stream.Collectors.toMap(TaskKind::id, TaskKind::title));

    static final Map<String, String> DONE = Map.of(
            "completed", "Done. The case has moved on, and the parties have been told where they need to be.",
            "claimed", "The task is yours now.",
            "note", "Your note has been added.",
            "message", "Your message has been sent to the party, on their case page and by email.",
            "basis", "The lawful basis has been recorded.",
            "suspension", "The interim suspension has been imposed; the respondent has been told, and it will be reviewed.");

    public record TaskRow(String id, String kind, String title, String caseRef, boolean mine, boolean claimable,
            String created, Due due) {
    }

    public record QueuePage(String name, List<TaskRow> mine, List<TaskRow> offered, String done, boolean panel) {
    }

    public record EvidenceRow(long id, String what, String givenBy, String given, String status, boolean inUse,
            String lawfulBasis, boolean needsBasis) {

        public String basisField() {
            return "basis-" + id;
        }

        public String reasonField() {
            return "basisReason-" + id;
        }
    }

    public record NoteRow(String when, String author, String audience, List<String> text) {
    }

    public record EventRow(String when, String iso, String kind, List<String> text) {
    }

    public record LinkRow(String ref, String relation, String stage, String received) {
    }

    /** Everything about a case a staff page shows; on a panel member's page, blind. */
    public record CaseFile(CaseViews.StaffCase c, List<String> allegation, List<String> response,
            List<String> report, List<String> triageReasons, List<Definitions.ClauseOption> cited,
            List<Definitions.ClauseOption> engaged, List<CaseDisplay.DecisionDisplay> decisions,
            List<EvidenceRow> evidence, List<Due> deadlines, List<CaseDisplay.StageStep> stages, List<EventRow> timeline,
            List<EventRow> trail, List<NoteRow> notes, List<LinkRow> links, List<String> appealGrounds,
            List<String> appealStatement, boolean caseworker, boolean open, boolean suspended, List<JoinedRow> joined) {

        /** Whether more complainants joined than the page lists. */
        public boolean moreJoined() {
            return c.complainants() != null && c.complainants() - 1 > joined.size();
        }

        /** Who started the exchange, as triage read it from the thread, in words. */
        public String openedBy() {
            String code = c.exchangeOpenedBy();
            return code == null ? null : switch (code) {
                case "complainant" -> "The complainant";
                case "respondent" -> "The respondent";
                case "third-party" -> "Someone else";
                default -> "Unclear from the thread";
            };
        }
    }

    public record CasePage(CaseFile file, String done, List<TaskRow> tasks) {
    }

    /** A complainant whose complaint about the same post joined the case (pile-on), as its caseworker sees them. */
    public record JoinedRow(String name, String membershipNumber, String filed, String matchedOn, List<String> allegation) {
    }

    /** Joined complainants listed on the case page; the rest through GET /api/cases/{ref}/complainants. */
    static final int JOINED_SHOWN = 50;

    public record PrecedentRow(String decided, String version, List<CaseDisplay.FindingView> findings, String sanction,
            boolean sameClauses, String appeal) {
    }

    /** A task with its form: the case file, the clauses it can engage, the ladder, precedents. */
    public record TaskPage(TaskRow task, CaseFile file, List<Definitions.ClauseOption> clauseChoices,
            List<String> citedIds, List<Definitions.NotAbuseEntry> notAbuse, List<Definitions.Rung> ladder,
            String ladderNote, List<PrecedentRow> precedents, boolean needsClaim) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(QueuePage page);

        static native TemplateInstance caseFile(CasePage page, Form form);

        static native TemplateInstance task(TaskPage page, Form form);
    }

    @Inject
    PileOns pileOns;
    @Inject
    TaskService tasks;
    @Inject
    CaseViews views;
    @Inject
    CaseEvidence evidence;
    @Inject
    NoteService notes;
    @Inject
    CaseLinks links;
    @Inject
    Precedents precedents;
    @Inject
    SuspensionService suspensions;
    @Inject
    Definitions definitions;
    @Inject
    CaseDisplay display;
    @Inject
    TimeSource time;
    @Inject
    CurrentUser user;
    @Inject
    Viewer viewer;
    @Inject
    ObjectMapper json;



    // ------------------------------------------------------------ the queue

    @GET
    @Operation(hidden = true)
    public Response queue(@QueryParam("done") String done) {
        List<TaskRow> all = taskRows();
        List<TaskRow> mine = all.stream().filter(TaskRow::mine).toList();
        List<TaskRow> offered = all.stream().filter(TaskRow::claimable).toList();
        return Html.ok(Templates.queue(new QueuePage(viewer.name(), mine, offered, Html.message(DONE, done),
                user.hasRole(Roles.PANEL) && !user.hasRole(Roles.CASEWORKER))));
    }

    private List<TaskRow> taskRows() {
        Instant now = time.now();
        String me = user.username();
        List<TaskRow> rows = new ArrayList<>(tasks.openTasks(me).stream().map(t -> new TaskRow(t.id(), t.kind(),
                KINDS.getOrDefault(t.kind(), t.name()), t.caseRef(), me.equals(t.assignee()), t.claimable(),
                Formats.date(t.created()), Due.of(KINDS.getOrDefault(t.kind(), t.name()), t.due(), now))).toList());
        rows.sort(Comparator.comparing((TaskRow r) -> r.due() == null ? Instant.MAX : r.due().at()));
        return rows;
    }

    private TaskRow taskRow(String id) {
        return taskRows().stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("task " + id));
    }

    @POST
    @Path("/tasks/{id}/claim")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response claim(@PathParam("id") String id, MultivaluedMap<String, String> fields) {
        tasks.claim(id, user.username());
        return Html.seeOther("/work/tasks/" + id + "?done=claimed");
    }

    // ------------------------------------------------------------ a task

    @GET
    @Path("/tasks/{id}")
    @Operation(hidden = true)
    public Response task(@PathParam("id") String id) {
        return Html.ok(Templates.task(taskPage(taskRow(id)), Form.empty()));
    }

    @POST
    @Path("/tasks/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response complete(@PathParam("id") String id, MultivaluedMap<String, String> fields) {
        TaskRow task = taskRow(id);
        Form form = Form.of(fields);
        TaskPage page = taskPage(task);
        if (page.needsClaim()) {
            throw ProblemException.conflict("claim this task before completing it");
        }
        JsonNode body = payload(task.kind(), form, page);
        if (!form.hasErrors()) {
            try {
                tasks.complete(id, user.username(), body);
                return Html.seeOther("/work?done=completed");
            } catch (ProblemException e) {
                if (e.status() != 400) {
                    throw e;
                }
                PageErrors.onto(form, e, TASK_FIELDS, "reasons");
            } catch (ConstraintViolationException e) {
                PageErrors.onto(form, e, TASK_FIELDS, "reasons");
            }
        }
        return Html.page(400, Templates.task(page, form));
    }

    static final Map<String, String> TASK_FIELDS = Map.ofEntries(Map.entry("inScope", "inScope"),
            Map.entry("clauses", "clauses"), Map.entry("reasons", "reasons"), Map.entry("report", "report"),
            Map.entry("findings", "findings"), Map.entry("sanction", "sanction"),
            Map.entry("sanctionMonths", "sanctionMonths"), Map.entry("departureReason", "departureReason"),
            Map.entry("allow", "allow"), Map.entry("renew", "renew"), Map.entry("note", "note"),
            Map.entry("lawfulBasis", "lawfulBasis"), Map.entry("exchangeOpenedBy", "exchangeOpenedBy"),
            Map.entry("protectedCharacteristic", "protectedCharacteristic"));

    /** The form as the task's JSON payload, the same body the API takes; simple mistakes are caught here. */
    JsonNode payload(String kind, Form form, TaskPage page) {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (TaskKind.of(kind)) {
            case TRIAGE -> {
                Boolean inScope = yesNo(form, "inScope", "Say whether the complaint is in scope.");
                body.put("inScope", inScope);
                List<String> clauses = form.values("clauses");
                if (Boolean.TRUE.equals(inScope) && clauses.isEmpty()) {
                    form.error("clauses", "Choose the clauses the complaint engages.");
                }
                if (Boolean.FALSE.equals(inScope) && !clauses.isEmpty()) {
                    form.error("clauses", "An out-of-scope complaint engages no clause: untick the clauses, or say it"
                            + " is in scope.");
                }
                body.put("clauses", clauses);
                body.put("reasons", required(form, "reasons", "Give your reasons. The complainant reads them if the"
                        + " complaint is closed."));
                String opened = form.text("exchangeOpenedBy");
                if (opened != null) {
                    body.put("exchangeOpenedBy", opened);
                }
                String characteristic = form.text("protectedCharacteristic");
                if (characteristic != null) {
                    body.put("protectedCharacteristic", characteristic);
                }
                body.put("lawfulBases", bases(form, page));
            }
            case INVESTIGATE -> body.put("report", required(form, "report", "Write the investigation report."));
            case PANEL_DECISION -> {
                body.put("findings", findings(form, page));
                sanction(form, body);
                body.put("reasons", required(form, "reasons", "Give your reasons. The parties read them."));
            }
            case HEAR_APPEAL -> {
                Boolean allow = yesNo(form, "allow", "Say whether you allow or dismiss the appeal.");
                body.put("allow", allow);
                if (Boolean.TRUE.equals(allow)) {
                    body.put("findings", findings(form, page));
                    sanction(form, body);
                }
                body.put("reasons", required(form, "reasons", "Give your reasons. The parties read them."));
            }
            case REVIEW_SUSPENSION -> {
                body.put("renew", yesNo(form, "renew", "Say whether the suspension should continue."));
                body.put("reasons", required(form, "reasons", "Give your reasons."));
            }
            case RESOLVE_ESCALATION -> body.put("note", required(form, "note", "Say what you have done about it."));
            default -> throw new IllegalStateException("no form for task kind " + kind);
        }
        return json.valueToTree(body);
    }

    private List<Map<String, Object>> findings(Form form, TaskPage page) {
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Definitions.ClauseOption c : page.file().engaged()) {
            String v = form.text(c.findingField());
            if (v == null) {
                form.error(c.findingField(), "Give your finding on " + c.title() + ".");
            } else {
                findings.add(Map.of("clause", c.id(), "upheld", "upheld".equals(v)));
            }
        }
        return findings;
    }

    private void sanction(Form form, Map<String, Object> body) {
        String sanction = form.text("sanction");
        if (sanction == null) {
            form.error("sanction", "Choose a sanction.");
        }
        body.put("sanction", sanction);
        String months = form.text("sanctionMonths");
        if ("suspension".equals(sanction)) {
            try {
                body.put("sanctionMonths", months == null ? null : Integer.valueOf(months));
                if (months == null) {
                    form.error("sanctionMonths", "Give the length of the suspension in months.");
                }
            } catch (NumberFormatException e) {
                form.error("sanctionMonths", "Give the number of months as a whole number, for example 3.");
            }
        }
        body.put("departureReason", form.text("departureReason"));
    }

    private static Boolean yesNo(Form form, String field, String message) {
        String v = form.text(field);
        if (v == null) {
            form.error(field, message);
            return null;
        }
        return "yes".equals(v);
    }

    private static String required(Form form, String field, String message) {
        String v = form.text(field);
        if (v == null) {
            form.error(field, message);
        }
        return v;
    }

    /** The lawful basis fields for the complainant's items that still need one. */
    private List<Map<String, Object>> bases(Form form, TaskPage page) {
        List<Map<String, Object>> out = new ArrayList<>();
        boolean inScope = "yes".equals(form.text("inScope"));
        for (EvidenceRow e : page.file().evidence()) {
            if (!e.needsBasis()) {
                continue;
            }
            String basis = form.text(e.basisField());
            String reason = form.text(e.reasonField());
            if (basis == null && reason == null && !inScope) {
                continue;
            }
            if (basis == null) {
                form.error(e.basisField(), "Choose the lawful basis for item " + e.id() + ".");
            }
            if (reason == null) {
                form.error(e.reasonField(), "Say why this basis applies to item " + e.id() + ".");
            }
            if (basis != null && reason != null) {
                out.add(Map.of("evidenceId", e.id(), "basis", basis, "reason", reason));
            }
        }
        return out;
    }

    private TaskPage taskPage(TaskRow task) {
        CaseFile file = caseFile(task.caseRef());
        DefinitionVersion v = definitions.version(file.c().definitionVersion());
        List<Definitions.ClauseOption> choices = TaskKind.TRIAGE.is(task.kind())
                ? definitions.clauses(v, v.clauses().stream().map(DefinitionVersion.Clause::id).toList())
                : file.engaged();
        List<String> engagedIds = file.engaged().stream().map(Definitions.ClauseOption::id).toList();
        boolean panelWork = TaskKind.of(task.kind()).bench().isPresent();
        List<Definitions.Rung> ladder = panelWork ? definitions.ladder(v, engagedIds) : List.of();
        String note = panelWork ? "Marked: the sanctions the definition allows if every clause engaged ("
                + "gravest: " + definitions.tierLabel(v, engagedIds) + ") is upheld. If you uphold fewer, fewer or"
                + " lower sanctions may be allowed. A sanction outside the ladder needs a recorded reason for departing"
                + " from it." : null;
        List<PrecedentRow> prec = panelWork ? precedents.forCase(user.username(), user.hasRole(Roles.CASEWORKER),
                user.hasRole(Roles.PANEL), task.caseRef()).stream().map(this::precedentRow).toList() : List.of();
        List<String> cited = file.cited().stream().map(Definitions.ClauseOption::id).toList();
        return new TaskPage(task, file, choices, cited, definitions.notAbuse(v), ladder, note, prec, task.claimable());
    }

    private PrecedentRow precedentRow(Precedents.Precedent p) {
        String v = p.definitionVersion();
        List<CaseDisplay.FindingView> f = p.findings().stream().map(x -> new CaseDisplay.FindingView(x.clause(),
                definitions.clauseTitle(v, x.clause()), x.upheld(), "/definition/" + v + "#" + x.clause())).toList();
        String sanction = definitions.sanctionTitle(v, p.sanction())
                + (p.sanctionMonths() == null ? "" : " for " + p.sanctionMonths() + " months");
        String appeal = p.appealAllowed() == null ? "Not appealed"
                : p.appealAllowed() ? "Appeal allowed: " + definitions.sanctionTitle(v, p.appealSanction())
                        + (p.appealSanctionMonths() == null ? "" : " for " + p.appealSanctionMonths() + " months")
                        : "Appeal dismissed";
        return new PrecedentRow(Formats.MONTH.format(p.decidedAt()), v, f, sanction, p.sameClauses(), appeal);
    }

    // ------------------------------------------------------------ the case file

    @GET
    @Path("/cases/{ref}")
    @Operation(hidden = true)
    public Response caseFile(@PathParam("ref") String ref, @QueryParam("done") String done) {
        return Html.ok(Templates.caseFile(casePage(ref, done), Form.empty()));
    }

    private CasePage casePage(String ref, String done) {
        CaseFile file = caseFile(ref);
        List<TaskRow> open = taskRows().stream().filter(t -> ref.equals(t.caseRef())).toList();
        return new CasePage(file, Html.message(DONE, done), open);
    }

    CaseFile caseFile(String ref) {
        String me = user.username();
        boolean caseworker = user.hasRole(Roles.CASEWORKER);
        boolean panel = user.hasRole(Roles.PANEL);
        CaseViews.StaffCase c = views.forStaff(me, caseworker, panel, ref);
        boolean handles = caseworker && !c.blind();
        Instant now = time.now();
        DefinitionVersion v = definitions.version(c.definitionVersion());
        List<String> engagedIds = c.clausesEngaged().stream().map(CaseViews.ClauseRef::id).toList();
        List<EvidenceRow> items = evidence.forStaff(me, caseworker, panel, ref).stream().map(e -> {
            CaseDisplay.EvidenceLine r = CaseDisplay.evidence(e);
            boolean needs = handles && "complainant".equals(e.party()) && "in-use".equals(e.status())
                    && e.lawfulBasis() == null;
            return new EvidenceRow(e.id(), r.what(), "The " + e.party(), r.given(), r.status(), r.inUse(),
                    e.lawfulBasis(), needs);
        }).toList();
        List<EventRow> timeline = events(c.timeline());
        List<EventRow> trail = events(c.trail());
        List<NoteRow> noteRows = handles ? notes.notes(me, ref).stream().map(n -> new NoteRow(Formats.when(n.at()),
                n.author(), switch (n.audience()) {
                    case staff -> "Staff only";
                    case complainant -> "Message to the complainant";
                    case respondent -> "Message to the respondent";
                }, CaseDisplay.paragraphs(n.text()))).toList() : List.of();
        List<LinkRow> linkRows = handles ? links.of(me, ref).stream().map(l -> new LinkRow(l.ref(), l.relation(),
                l.stage(), Formats.date(l.receivedAt()))).toList() : List.of();
        List<String> grounds = c.appeal() == null ? List.of()
                : c.appeal().grounds().stream().map(CaseDisplay::ground).toList();
        boolean suspended = c.interimSuspension() != null && c.interimSuspension().liftedAt() == null;
        List<JoinedRow> joined = handles && c.complainants() != null && c.complainants() > 1
                ? pileOns.joined(views.requireStaffAccess(me, true, false, ref), 0, JOINED_SHOWN).joined()
                        .stream().map(j -> new JoinedRow(j.name(), j.membershipNumber(), Formats.when(j.filedAt()),
                                "link".equals(j.matchedOn()) ? "same link" : "same words",
                                CaseDisplay.paragraphs(j.allegation()))).toList()
                : List.of();
        return new CaseFile(c, CaseDisplay.paragraphs(c.allegation()), CaseDisplay.paragraphs(c.response()),
                CaseDisplay.paragraphs(c.investigationReport()), CaseDisplay.paragraphs(c.triageReasons()),
                definitions.clauses(v, c.clausesCited().stream().map(CaseViews.ClauseRef::id).toList()),
                definitions.clauses(v, engagedIds), display.decisions(c.decisions()), items,
                display.deadlines(c.deadlines(), now), display.stages(c.stage(), c.appeal() != null), timeline, trail,
                noteRows, linkRows, grounds, c.appeal() == null ? List.of() : CaseDisplay.paragraphs(c.appeal().statement()),
                handles, "OPEN".equals(c.status()), suspended, joined);
    }

    private static List<EventRow> events(List<CaseViews.Event> list) {
        List<EventRow> rows = new ArrayList<>(list.stream().map(e -> new EventRow(Formats.when(e.at()),
                Formats.iso(e.at()), e.kind(), CaseDisplay.paragraphs(e.summary()))).toList());
        Collections.reverse(rows);
        return rows;
    }

    @POST
    @Path("/cases/{ref}/notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.CASEWORKER)
    @Operation(hidden = true)
    public Response addNote(@PathParam("ref") String ref, MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        String text = required(form, "noteText", "Write the note.");
        String audience = form.text("noteAudience");
        if (audience == null) {
            form.error("noteAudience", "Say who the note is for.");
        }
        if (!form.hasErrors()) {
            try {
                notes.add(user.username(), ref, NoteService.Audience.of(audience), text);
                return Html.seeOther("/work/cases/" + ref + "?done=" + ("staff".equals(audience) ? "note" : "message")
                        + "#notes");
            } catch (ProblemException e) {
                if (e.status() != 400) {
                    throw e;
                }
                PageErrors.onto(form, e, Map.of("text", "noteText", "audience", "noteAudience"), "noteText");
            }
        }
        return Html.page(400, Templates.caseFile(casePage(ref, null), form));
    }

    @POST
    @Path("/cases/{ref}/interim-suspension")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.CASEWORKER)
    @Operation(hidden = true)
    public Response suspend(@PathParam("ref") String ref, MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        views.forStaff(user.username(), true, false, ref);
        String reasons = form.text("suspensionReasons");
        if (reasons == null || reasons.length() < 20) {
            form.error("suspensionReasons", "Give the reasons in full (at least 20 characters): the respondent reads"
                    + " them, and they are reviewed.");
        }
        if (!form.hasErrors()) {
            try {
                suspensions.request(ref, user.username(), new Payloads.SuspensionRequest(reasons));
                return Html.seeOther("/work/cases/" + ref + "?done=suspension");
            } catch (ProblemException e) {
                if (e.status() != 400) {
                    throw e;
                }
                PageErrors.onto(form, e, Map.of("reasons", "suspensionReasons"), "suspensionReasons");
            }
        }
        return Html.page(400, Templates.caseFile(casePage(ref, null), form));
    }
}
