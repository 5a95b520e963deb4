package org.evenhand.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.evenhand.casework.rules.PanelTally;
import org.evenhand.casework.rules.Withdrawal;
import org.evenhand.common.NameRedaction;
import org.evenhand.common.PlaceRedaction;
import org.evenhand.common.ProblemException;
import org.evenhand.definition.Citations;
import org.evenhand.definition.DefinitionVersion;
import org.evenhand.identity.Handler;
import org.evenhand.identity.Member;
import org.evenhand.identity.PlaceNames;
import org.evenhand.crypto.CaseVault;
import org.evenhand.crypto.ErasedException;
import org.evenhand.trail.ActionTrail;

/** Read models of a case for each kind of reader; none of them carries faction data. */
@ApplicationScoped
public class CaseViews {

    public record Stage(String step, String label, String explanation) {
    }

    public record ClauseRef(String id, String title, int tier) {
    }

    /**
     * An entry on a timeline. {@code by}, on a party's own view only: who made it when a person did
     * ("you", "respondent", "complainant"), so that their page can word it (not on the API).
     */
    public record Event(Instant at, String kind, String summary, @com.fasterxml.jackson.annotation.JsonIgnore String by) {

        public Event(Instant at, String kind, String summary) {
            this(at, kind, summary, null);
        }
    }

    /** How the respondent is shown a complainant whose name is kept from them (decision 0029). */
    static final String THE_COMPLAINANT = "the complainant";

    public record DeadlineView(String step, String name, Instant due) {
    }

    public record DecisionView(String bench, String definitionVersion, List<Finding> findings, boolean upheld,
            String sanction, Integer sanctionMonths, String departureReason, String reasons, Boolean appealAllowed,
            Instant decidedAt, List<PanelTally.Split> splits, PanelTally.Split appealVote) {
    }

    public record AppealView(String party, List<String> grounds, String statement, Instant lodgedAt) {
    }

    public record SuspensionView(Instant imposedAt, String reasons, int renewals, Instant endsAt, Instant liftedAt,
            String liftReason) {
    }

    public record CaseSummary(String ref, String yourRole, String stage, String status, String outcome,
            Instant receivedAt) {
    }

    /**
     * A party's view. otherParty: for a complainant the respondent's name; for the respondent the first
     * complainant's name, or "the complainant" when anonymity was granted (decision 0029).
     * othersComplained: for the respondent, how many more complained about the same conduct (never who).
     */
    public record MemberCase(String ref, String yourRole, String otherParty, Integer othersComplained, Stage stage,
            String status,
            String outcome, Instant receivedAt, LocalDate conductDate, String allegation, String definitionVersion,
            List<ClauseRef> clausesCited, List<ClauseRef> clausesEngaged, List<DeadlineView> deadlines,
            List<String> youCan, List<DecisionView> decisions, AppealView appeal, SuspensionView interimSuspension,
            List<Event> timeline, ReportViews.ReportView investigationReport, Sanctions.Standing sanctionOnRecord) {
    }

    /** The staff view. On a panel member's screen the parties are "Complainant" and "Respondent" only. */
    public record StaffCase(String ref, boolean blind, String complainant, String respondent,
            String complainantMembershipNumber, String respondentMembershipNumber, Stage stage, String status,
            String outcome, Instant receivedAt, LocalDate conductDate, String conductLink, String allegation,
            String definitionVersion, List<ClauseRef> clausesCited, List<ClauseRef> clausesEngaged,
            String triageReasons, String exchangeOpenedBy, String response, String investigator, String investigationReport,
            List<String> sanctionsAllowed, List<DeadlineView> deadlines, List<CaseProcess.WorkItem> openTasks,
            List<DecisionView> decisions, AppealView appeal, SuspensionView interimSuspension, List<Event> timeline,
            List<Event> trail, List<InterferenceService.View> interference, Integer complainants,
            PileOns.Surge surge, ReporterRecords.TrackRecord reporterRecord, List<ReportViews.CommentView> reportComments,
            List<CaseLinks.CounterComplaint> counterComplaints, SanctionHistory.PanelStep yourPanelStep) {
    }

    /** The stages of the complaint as the process names them (TaskKind), in the words parties and staff read. */
    static final Map<String, Stage> STAGES = TaskKind.stages().stream().collect(java.util.stream.Collectors.toMap(
            TaskKind::id, k -> new Stage(k.id(), k.stageLabel(), k.stageExplanation())));

    /** Just filed, its process about to start: already the triage stage, as the stage tracker shows it. */
    static final Stage RECEIVED = new Stage("received", TaskKind.TRIAGE.stageLabel(),
            "The complaint has been received and is about to be offered to a caseworker for triage.");

    @Inject
    CaseAccess cases;
    @Inject
    PileOns pileOns;
    @Inject
    CaseProcess process;
    @Inject
    Citations citations;
    @Inject
    Assignment assignment;
    @Inject
    ActionTrail trail;
    @Inject
    CaseVault vault;
    @Inject
    InterferenceService interference;
    @Inject
    ReporterRecords reporters;
    @Inject
    Sanctions sanctions;
    @Inject
    ComplainantIdentity identity;
    @Inject
    PlaceNames places;
    @Inject
    ReportViews reports;
    @Inject
    CaseLinks links;
    @Inject
    SanctionHistory sanctionHistory;

    static final String ERASED = "[erased]";

    /** A party's name; "[erased]" once their link to the case was removed (erasure on their request, or anonymisation). */
    static String name(org.evenhand.identity.Member m) {
        return m == null ? ERASED : m.displayName;
    }

    /** Opens a sealed field for display; after crypto-shredding it reads "[erased]". */
    String text(CaseFile c, String sealed) {
        try {
            return vault.open(c.ref, sealed);
        } catch (ErasedException e) {
            return sealed == null ? null : ERASED;
        }
    }

    /** The member's cases, in one query (a case from before the stage was kept on it asks the engine). */
    @Transactional
    public List<CaseSummary> casesOf(Member m) {
        return MemberCaseReads.casesOf(m, ref -> CaseFile.byRef(ref).map(this::currentStep).orElse(null));
    }

    /** Deadline names, as in the process (the boundary timers of the stages a party acts in). */
    static final Map<String, String> DEADLINE_NAMES = java.util.Arrays.stream(TaskKind.values())
            .filter(k -> k.window().isPresent())
            .collect(java.util.stream.Collectors.toMap(TaskKind::id, k -> k.window().orElseThrow().timerName()));

    /**
     * The member's view, from the case's own record: the stage and the party's deadline are kept on
     * the case by the process (StageEntered), so no engine query is made, except for a respondent
     * under interim suspension (its review date lives in that process).
     */
    @Transactional
    public MemberCase forMember(Member m, String ref) {
        CaseAccess.Seen seen = cases.seenBy(m, ref);
        CaseFile c = seen.c();
        Party party = seen.party();
        DefinitionVersion v = citations.version(c.definitionVersion);
        String step = currentStep(c);
        JoinedComplainant joined = seen.joined();
        List<String> can = new ArrayList<>();
        if (party == Party.RESPONDENT && TaskKind.AWAIT_RESPONSE.is(step)) {
            can.add("respond");
        }
        MemberCaseReads.Joined others = new MemberCaseReads.Joined(c);
        ReportViews.ReportView report = reports.forMember(m, c, party, others);
        if (report != null && report.canComment()) {
            can.add("comment");
        }
        boolean decided = TaskKind.APPEAL_WINDOW.is(step) || TaskKind.HEAR_APPEAL.is(step)
                || c.status == CaseFile.Status.CLOSED;
        Appeal appealLodged = decided ? Appeal.findById(c.id) : null;
        if (TaskKind.APPEAL_WINDOW.is(step) && appealLodged == null) {
            can.add("appeal");
        }
        if (Withdrawing.effect(c, m, party) != Withdrawal.Effect.REFUSED) {
            can.add("withdraw");
        }
        // the respondent reads who complained only as decision 0029 allows, in every text
        UnaryOperator<String> shown = party == Party.RESPONDENT ? identity.forRespondent(c, others.members())
                : UnaryOperator.identity();
        List<Event> timeline = MemberCaseReads.timeline(c, party, m).stream()
                .map(e -> new Event(e.at(), e.kind(), shown.apply(text(c, e.summary())), by(e.actor(), m, c))).toList();
        List<DeadlineView> deadlines = new ArrayList<>();
        if (c.stageDue != null && step != null && STAGES.containsKey(step)) {
            // a party's window by its timer's name; a staff stage by the date it is expected by (its target)
            deadlines.add(new DeadlineView(step, DEADLINE_NAMES.getOrDefault(step, STAGES.get(step).label()
                    + " expected by"), c.stageDue));
        }
        SuspensionView suspension = party == Party.RESPONDENT ? suspension(c, UnaryOperator.identity()) : null;
        if (suspension != null && suspension.liftedAt() == null) {
            process.deadlines(ref).stream().filter(d -> TaskKind.REVIEW_SUSPENSION.is(d.step()))
                    .forEach(d -> deadlines.add(new DeadlineView(d.step(), d.name(), d.due())));
            deadlines.sort(java.util.Comparator.comparing(DeadlineView::due));
        }
        String named = party == Party.RESPONDENT ? identity.nameForRespondent(c) : null;
        return new MemberCase(c.ref, party.label(),
                party == Party.COMPLAINANT ? name(c.respondent) : named != null ? named : THE_COMPLAINANT,
                party == Party.RESPONDENT ? others.count() : null,
                stage(c, step == null ? List.of() : List.of(step)), status(c), c.outcome == null ? null : c.outcome.name(),
                c.receivedAt, joined != null ? joined.conductDate : c.conductDate,
                joined != null ? text(c, joined.allegation) : shown.apply(text(c, c.allegation)), v.id(),
                clauses(v, joined != null ? joined.citedClauses : c.citedClauses), clauses(v, c.engagedClauses),
                deadlines, can, decided ? decisions(c, shown) : List.of(), appealLodged == null ? null : appeal(c, shown),
                suspension, timeline, report, party == Party.RESPONDENT ? sanctions.ofCase(c).orElse(null) : null);
    }

    /** Who made a timeline entry, as the reader's page words it: you, the respondent, a complainant; null for the process. */
    private static String by(String actor, Member reader, CaseFile c) {
        if (actor == null || "system".equals(actor) || "process".equals(actor)) {
            return null;
        }
        if (actor.equals(reader.username)) {
            return "you";
        }
        return c.respondent != null && actor.equals(c.respondent.username) ? "respondent" : "complainant";
    }

    /** Status as the API has always shown it: a received case is open (its process is about to start). */
    static String status(CaseFile c) {
        return status(c.status);
    }

    /** The same, from the status alone. */
    static String status(CaseFile.Status status) {
        return status == CaseFile.Status.RECEIVED ? CaseFile.Status.OPEN.name() : status.name();
    }

    /** The complaint's current wait state: stored on the case, or (cases from before it was stored) asked of the engine. */
    String currentStep(CaseFile c) {
        if (c.status == CaseFile.Status.RECEIVED) {
            return "received";
        }
        if (c.status != CaseFile.Status.OPEN) {
            return null;
        }
        if (c.stage != null) {
            return c.stage;
        }
        return process.activeSteps(c.ref).stream().filter(STAGES::containsKey).findFirst().orElse(null);
    }

    /**
     * Caseworkers see cases they may handle (not a party, not from a party's CLP); panel members
     * see only cases they sit on, blind. Anyone else gets 404.
     */
    @Transactional
    public StaffCase forStaff(String username, boolean caseworker, boolean panel, String ref) {
        CaseFile c = requireStaffAccess(username, caseworker, panel, ref);
        boolean blind = !handles(username, caseworker, c);
        UnaryOperator<String> shown = blind ? blinding(c) : UnaryOperator.identity();
        DefinitionVersion v = citations.version(c.definitionVersion);
        List<String> steps = process.activeSteps(ref);
        // letters to one complainant of several are copies of what staff see in the surge summary
        List<Event> timeline = TimelineEntry.<TimelineEntry>list("caseId = ?1 and memberId is null order by id", c.id)
                .stream().filter(e -> !blind || e.audience == TimelineEntry.Audience.parties)
                .map(e -> new Event(e.at, e.kind, shown.apply(text(c, e.summary)))).toList();
        List<Event> trailEvents = blind ? List.of() : trail.forCase(ref).stream()
                .map(e -> new Event(e.at(), e.action(), e.actor() + ": " + e.detail())).toList();
        List<String> upheldCandidates = c.engagedClauses == null ? List.of() : c.engagedClauses;
        // how many complained is for caseworkers and the audit; a panel works blind to it
        PileOns.Surge surge = blind ? null : pileOns.surge(c);
        return new StaffCase(c.ref, blind,
                blind ? "Complainant" : name(c.complainant), blind ? "Respondent" : name(c.respondent),
                blind || c.complainant == null ? null : c.complainant.membershipNumber,
                blind || c.respondent == null ? null : c.respondent.membershipNumber,
                stage(c, steps), status(c), c.outcome == null ? null : c.outcome.name(), c.receivedAt,
                c.conductDate, blind ? shown.apply(c.conductLink) : c.conductLink, shown.apply(text(c, c.allegation)),
                v.id(), clauses(v, c.citedClauses), clauses(v, c.engagedClauses), shown.apply(text(c, c.triageReasons)),
                c.exchangeOpenedBy, shown.apply(text(c, c.responseStatement)),
                blind ? null : c.investigator, shown.apply(text(c, c.investigationReport)),
                citations.allowedSanctions(v, upheldCandidates),
                process.deadlines(ref).stream().map(d -> new DeadlineView(d.step(), d.name(), d.due())).toList(),
                blind ? List.of() : process.tasksOfCase(ref), decisions(c, shown), appeal(c, shown), suspension(c, shown),
                timeline, trailEvents, blind ? List.of() : interference.forCase(c.id),
                surge == null ? null : surge.complainants(), surge,
                // the complainant's track record is for the caseworker alone; a panel never sees it
                blind ? null : reporters.of(c), reports.comments(c, shown), links.counterComplaints(c),
                panel ? sanctionHistory.panelStep(c, username) : null);
    }

    /**
     * What a blind reader (a panel member) is shown of free text: the parties' names, the handles
     * their names suggest, membership numbers, logins and emails struck out and replaced by their
     * role, as the structured fields are; and every CLP and region name (PlaceNames, and the
     * parties' own from the case) replaced by "[place]" (decision 0028).
     */
    public UnaryOperator<String> blinding(CaseFile c) {
        NameRedaction complainant = redaction(c.complainant, "[the complainant]");
        NameRedaction respondent = redaction(c.respondent, "[the respondent]");
        // complainants who joined a pile-on are struck out too (the panel is not told how many there were)
        List<Long> joinedIds = JoinedComplainant.<JoinedComplainant>list("caseId = ?1 and memberId is not null", c.id)
                .stream().map(j -> j.memberId).toList();
        List<Member> joinedMembers = joinedIds.isEmpty() ? List.of() : Member.<Member>list("id in ?1", joinedIds);
        List<NameRedaction> joined = joinedMembers.stream().map(m -> redaction(m, "[the complainant]")).toList();
        List<String> ownPlaces = new ArrayList<>();
        java.util.stream.Stream.concat(java.util.stream.Stream.of(c.complainant, c.respondent), joinedMembers.stream())
                .filter(java.util.Objects::nonNull).forEach(m -> {
                    ownPlaces.add(m.clp);
                    ownPlaces.add(m.region);
                });
        PlaceRedaction theirs = new PlaceRedaction(ownPlaces);
        PlaceRedaction everywhere = places.all();
        return t -> {
            String out = complainant.apply(t);
            for (NameRedaction j : joined) {
                out = j.apply(out);
            }
            return everywhere.apply(theirs.apply(respondent.apply(out)));
        };
    }

    private static NameRedaction redaction(Member m, String role) {
        return m == null ? new NameRedaction(null, List.of(), role)
                : new NameRedaction(m.displayName, java.util.Arrays.asList(m.membershipNumber, m.username, m.email), role);
    }

    /** Whether this reader handles the case as its caseworker (and so sees it with names). */
    public boolean handles(String username, boolean caseworker, CaseFile c) {
        return caseworker && assignment.isEligible(c, Handler.CASEWORKER, username);
    }

    /** The case if this handler may see it (eligible caseworker, or seated panel member); otherwise 404. */
    public CaseFile requireStaffAccess(String username, boolean caseworker, boolean panel, String ref) {
        CaseFile c = CaseFile.byRef(ref).orElseThrow(() -> ProblemException.notFound("case " + ref));
        boolean handles = caseworker && assignment.isEligible(c, Handler.CASEWORKER, username);
        boolean seated = panel && PanelSeat.isSeated(c.id, username);
        if (!handles && !seated) {
            throw ProblemException.notFound("case " + ref);
        }
        return c;
    }

    Stage stage(CaseFile c) {
        String step = currentStep(c);
        return stage(c, step == null ? List.of() : List.of(step));
    }

    static Stage stage(CaseFile c, List<String> steps) {
        return stage(c.status, steps);
    }

    static Stage stage(CaseFile.Status status, List<String> steps) {
        if (status == CaseFile.Status.DISMISSED) {
            return new Stage("dismissed", "Dismissed at triage", "The complaint did not engage the definition of abuse.");
        }
        if (status == CaseFile.Status.CLOSED) {
            return new Stage("closed", "Closed", "The case has concluded.");
        }
        if (status == CaseFile.Status.WITHDRAWN) {
            return new Stage("withdrawn", "Withdrawn", "The complaint was withdrawn before any decision; the case is closed.");
        }
        return steps.stream().map(STAGES::get).filter(java.util.Objects::nonNull).findFirst().orElse(RECEIVED);
    }

    static List<ClauseRef> clauses(DefinitionVersion v, List<String> ids) {
        if (ids == null) {
            return List.of();
        }
        return ids.stream().map(id -> v.clause(id).map(cl -> new ClauseRef(cl.id(), cl.title(), cl.tier()))
                .orElse(new ClauseRef(id, id, 0))).toList();
    }

    private List<DecisionView> decisions(CaseFile c, UnaryOperator<String> shown) {
        List<Decision> all = Decision.<Decision>list("caseId = ?1 order by decidedAt, id", c.id);
        List<PanelVote> votes = all.isEmpty() ? List.of() : PanelVote.list("caseId = ?1 order by id", c.id);
        return all.stream().map(d -> {
            DecisionSplits s = DecisionSplits.of(d, all, votes);
            return new DecisionView(d.bench, d.definitionVersion, d.findings, d.upheld, d.sanction, d.sanctionMonths,
                    shown.apply(text(c, d.departureReason)), shown.apply(text(c, d.reasons)), d.appealAllowed,
                    d.decidedAt, s.findings(), s.appeal());
        }).toList();
    }

    private AppealView appeal(CaseFile c, UnaryOperator<String> shown) {
        Appeal a = Appeal.findById(c.id);
        return a == null ? null : new AppealView(a.party, a.grounds, shown.apply(text(c, a.statement)), a.lodgedAt);
    }

    private SuspensionView suspension(CaseFile c, UnaryOperator<String> shown) {
        Optional<InterimSuspension> s = InterimSuspension.<InterimSuspension>find("caseId = ?1 order by id desc", c.id)
                .firstResultOptional();
        return s.map(x -> new SuspensionView(x.imposedAt, shown.apply(text(c, x.reasons)), x.renewals, x.endsAt, x.liftedAt,
                x.liftedAt == null ? null : shown.apply(text(c, x.liftReason)))).orElse(null);
    }
}
