package org.evenhand.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.definition.DefinitionVersion;
import org.evenhand.definition.Definitions;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Roles;
import org.evenhand.web.Due;
import org.evenhand.web.Form;
import org.evenhand.web.Formats;

/**
 * What the casework pages show (WorkPages): the signed-in handler's tasks, a case file as they may
 * see it (blind for a panel member, exactly as the staff API shows it) and each task's page around
 * its form. Only views: the forms' payloads are TaskForm's, their rules the payloads' own.
 */
@ApplicationScoped
public class StaffCaseFiles {

    public record TaskRow(String id, TaskKind kind, String title, String caseRef, boolean mine, boolean claimable,
            String created, Due due) {
    }

    /**
     * An item on the case file. {@code redaction}: how a panel sees a file, in words (null for text and
     * links); {@code needsRedaction}: a file its caseworker must still decide on; {@code openable}: the
     * reader may open it (a panel member not a file awaiting redaction).
     */
    public record EvidenceRow(long id, String what, String givenBy, String given, String status, boolean inUse,
            String lawfulBasis, boolean needsBasis, String redaction, boolean needsRedaction, boolean openable) {
    }

    public record NoteRow(String when, String author, String audience, List<String> text) {
    }

    public record EventRow(String when, String iso, String kind, List<String> text) {
    }

    public record LinkRow(String ref, String relation, String stage, String received) {
    }

    /** A complainant whose complaint about the same post joined the case (pile-on), as its caseworker sees them. */
    public record JoinedRow(String name, String membershipNumber, String filed, String matchedOn, List<String> allegation) {
    }

    /** Everything about a case a staff page shows; on a panel member's page, blind. */
    public record CaseFileView(CaseViews.StaffCase c, List<String> allegation, List<String> response,
            List<String> report, List<String> triageReasons, List<Definitions.ClauseOption> cited,
            List<Definitions.ClauseOption> engaged, List<CaseDisplay.DecisionDisplay> decisions,
            List<EvidenceRow> evidence, List<Due> deadlines, List<CaseDisplay.StageStep> stages, List<EventRow> timeline,
            List<EventRow> trail, List<NoteRow> notes, List<LinkRow> links, List<String> appealGrounds,
            List<String> appealStatement, boolean caseworker, boolean open, boolean suspended, List<JoinedRow> joined) {

        /** Whether more complainants joined than the page lists. */
        public boolean moreJoined() {
            return c.complainants() != null && c.complainants() - 1 > joined.size();
        }

        /** Whether the respondent may still respond (the case waits for them). */
        public boolean awaitingResponse() {
            return TaskKind.AWAIT_RESPONSE.is(c.stage().step());
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

    public record PrecedentRow(String decided, String version, List<CaseDisplay.FindingView> findings, String sanction,
            boolean sameClauses, String appeal) {
    }

    /** An item of evidence that needs its lawful basis at triage: entry {@code index} of the triage's lawfulBases. */
    public record BasisRow(int index, EvidenceRow item) {

        public String evidenceIdName() {
            return "lawfulBases[" + index + "].evidenceId";
        }

        public String basisName() {
            return "lawfulBases[" + index + "].basis";
        }

        public String reasonName() {
            return "lawfulBases[" + index + "].reason";
        }

        public String basisId() {
            return Form.id(basisName());
        }

        public String reasonId() {
            return Form.id(reasonName());
        }
    }

    /** A clause engaged at triage: entry {@code index} of a vote's findings. */
    public record FindingRow(int index, Definitions.ClauseOption clause) {

        public String clauseName() {
            return "findings[" + index + "].clause";
        }

        public String upheldName() {
            return "findings[" + index + "].upheld";
        }

        public String upheldId() {
            return Form.id(upheldName());
        }
    }

    /** A task with its form: the case file, the clauses it can engage, the ladder, precedents. */
    public record TaskPage(TaskRow task, CaseFileView file, List<Definitions.ClauseOption> clauseChoices,
            List<String> citedIds, List<Definitions.NotAbuseEntry> notAbuse, List<Definitions.Rung> ladder,
            String ladderNote, List<PrecedentRow> precedents, boolean needsClaim, List<BasisRow> lawfulBases,
            List<FindingRow> findings, ComplainantIdentity.PendingRequest anonymity,
            List<EvidenceRow> awaitingRedaction) {

        private SanctionHistory.PanelStep step() {
            return task.kind() == TaskKind.PANEL_DECISION ? file.c().yourPanelStep() : null;
        }

        /** A panel member's decision, step one: findings first, before any live sanction is shown (decision 0030). */
        public boolean findingsFirst() {
            return step() != null && !step().findingsRecorded();
        }

        /** Step two: the findings are recorded; the sanction is chosen knowing any live sanction. */
        public boolean sanctionNext() {
            return step() != null && step().findingsRecorded();
        }

        /** The findings this member recorded, by clause title. */
        public List<RecordedFinding> recordedFindings() {
            if (!sanctionNext()) {
                return List.of();
            }
            return step().yourFindings().stream().map(x -> new RecordedFinding(findings.stream()
                    .filter(r -> r.clause().id().equals(x.clause())).map(r -> r.clause().title()).findFirst()
                    .orElse(x.clause()), x.upheld())).toList();
        }

        public List<SanctionHistory.LiveSanction> liveSanctions() {
            return sanctionNext() && step().liveSanctions() != null ? step().liveSanctions() : List.of();
        }
    }

    public record RecordedFinding(String title, boolean upheld) {
    }

    /** Joined complainants listed on the case page; the rest through GET /api/cases/{ref}/complainants. */
    static final int JOINED_SHOWN = 50;

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
    Definitions definitions;
    @Inject
    CaseDisplay display;
    @Inject
    TimeSource time;
    @Inject
    CurrentUser user;
    @Inject
    ComplainantIdentity identity;

    /** The signed-in handler's open tasks, soonest due first. */
    public List<TaskRow> taskRows() {
        Instant now = time.now();
        String me = user.username();
        List<TaskRow> rows = new ArrayList<>(tasks.openTasks(me).stream().map(t -> {
            TaskKind kind = TaskKind.find(t.kind()).filter(TaskKind::isTask).orElse(null);
            String title = kind == null ? t.name() : kind.title();
            return new TaskRow(t.id(), kind, title, t.caseRef(), me.equals(t.assignee()), t.claimable(),
                    Formats.date(t.created()), Due.of(title, t.due(), now));
        }).toList());
        rows.sort(Comparator.comparing((TaskRow r) -> r.due() == null ? Instant.MAX : r.due().at()));
        return rows;
    }

    /** One of the handler's open tasks; any other is not found. */
    public TaskRow taskRow(String id) {
        return taskRows().stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("task " + id));
    }

    public TaskPage taskPage(TaskRow task) {
        CaseFileView file = caseFile(task.caseRef());
        DefinitionVersion v = definitions.version(file.c().definitionVersion());
        List<Definitions.ClauseOption> choices = task.kind() == TaskKind.TRIAGE
                ? definitions.clauses(v, v.clauses().stream().map(DefinitionVersion.Clause::id).toList())
                : file.engaged();
        List<String> engagedIds = file.engaged().stream().map(Definitions.ClauseOption::id).toList();
        boolean panelWork = task.kind() != null && task.kind().bench().isPresent();
        List<Definitions.Rung> ladder = panelWork ? definitions.ladder(v, engagedIds) : List.of();
        String note = panelWork ? "Marked: the sanctions the definition allows if every clause engaged ("
                + "gravest: " + definitions.tierLabel(v, engagedIds) + ") is upheld. If you uphold fewer, fewer or"
                + " lower sanctions may be allowed. A sanction outside the ladder needs a recorded reason for departing"
                + " from it." : null;
        List<PrecedentRow> prec = panelWork ? precedents.forCase(user.username(), user.hasRole(Roles.CASEWORKER),
                user.hasRole(Roles.PANEL), task.caseRef()).stream().map(this::precedentRow).toList() : List.of();
        List<String> cited = file.cited().stream().map(Definitions.ClauseOption::id).toList();
        List<EvidenceRow> needing = file.evidence().stream().filter(EvidenceRow::needsBasis).toList();
        List<BasisRow> bases = IntStream.range(0, needing.size()).mapToObj(i -> new BasisRow(i, needing.get(i))).toList();
        List<FindingRow> findings = IntStream.range(0, file.engaged().size())
                .mapToObj(i -> new FindingRow(i, file.engaged().get(i))).toList();
        return new TaskPage(task, file, choices, cited, definitions.notAbuse(v), ladder, note, prec, task.claimable(),
                bases, findings, task.kind() == TaskKind.TRIAGE ? identity.pendingRequest(task.caseRef()) : null,
                file.evidence().stream().filter(EvidenceRow::needsRedaction).toList());
    }

    private PrecedentRow precedentRow(Precedents.Precedent p) {
        String v = p.definitionVersion();
        List<CaseDisplay.FindingView> f = p.findings().stream().map(x -> new CaseDisplay.FindingView(x.clause(),
                definitions.clauseTitle(v, x.clause()), x.upheld(), "/definition/" + v + "#" + x.clause(), null)).toList();
        String sanction = definitions.sanctionTitle(v, p.sanction())
                + (p.sanctionMonths() == null ? "" : " for " + p.sanctionMonths() + " months");
        String appeal = p.appealAllowed() == null ? "Not appealed"
                : p.appealAllowed() ? "Appeal allowed: " + definitions.sanctionTitle(v, p.appealSanction())
                        + (p.appealSanctionMonths() == null ? "" : " for " + p.appealSanctionMonths() + " months")
                        : "Appeal dismissed";
        return new PrecedentRow(Formats.MONTH.format(p.decidedAt()), v, f, sanction, p.sameClauses(), appeal);
    }

    /** The case as the signed-in handler may see it: a 404 for a case they may not, blind for a panel member. */
    public CaseFileView caseFile(String ref) {
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
            String redaction = e.redaction() == null ? null : switch (e.redaction()) {
                case "redacted" -> handles ? "The panel reads a redacted copy" : "Redacted copy";
                case "not-needed" -> handles ? "The panel reads it as given (no redaction needed)" : "Needs no redaction";
                default -> "Awaiting redaction";
            };
            return new EvidenceRow(e.id(), r.what(), "The " + e.party(), r.given(), r.status(), r.inUse(),
                    e.lawfulBasis(), needs, redaction, handles && e.awaitingRedaction(),
                    r.inUse() && (handles || !e.awaitingRedaction()));
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
        return new CaseFileView(c, CaseDisplay.paragraphs(c.allegation()), CaseDisplay.paragraphs(c.response()),
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
}
