package org.evenhand.casework;

import static org.evenhand.casework.TimelineEntry.Audience.complainant;
import static org.evenhand.casework.TimelineEntry.Audience.parties;
import static org.evenhand.casework.TimelineEntry.Audience.respondent;
import static org.evenhand.casework.TimelineEntry.Audience.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.evenhand.common.ProblemException;
import org.evenhand.common.Durations;
import org.evenhand.common.TimeSource;
import org.evenhand.definition.Citations;
import org.evenhand.definition.DefinitionVersion;
import org.evenhand.identity.Handler;
import org.evenhand.identity.Member;
import org.evenhand.crypto.CaseVault;
import org.evenhand.casework.PileOns.ConductKey;
import org.evenhand.casework.PileOns.Match;

/**
 * The complaint's steps up to the panel. Each public method is either a party's or handler's
 * action (which then moves the process) or a step the process calls; either way the case
 * record, the timeline, the trail and the process change in one transaction.
 */
@ApplicationScoped
public class CaseService {

    @Inject
    CaseProcess process;
    @Inject
    CaseLetters letters;
    @Inject
    TimeSource time;
    @Inject
    ProcessConfig config;
    @Inject
    Citations citations;
    @Inject
    Assignment assignment;
    @Inject
    EntityManager em;
    @Inject
    CaseVault vault;
    @Inject
    jakarta.enterprise.inject.Instance<SuspensionService> suspensions;
    @Inject
    jakarta.enterprise.event.Event<CaseConcluded> concluded;
    @Inject
    jakarta.enterprise.inject.Instance<EvidenceGate> evidence;
    @Inject
    PileOns pileOns;
    @Inject
    ProcessStarter starter;
    @Inject
    org.evenhand.trail.ActionTrail trail;

    /**
     * A validated complaint: who, about whom, what, and what identifies the conduct (the conduct
     * keys, for pile-on merging; empty when neither a link nor an excerpt was given).
     */
    public record Filing(Member from, Member about, String allegation, LocalDate conductDate, String link,
            DefinitionVersion version, List<String> clauses, List<ConductKey> conductKeys) {
    }

    /** What became of a filing: a new case, or a case about the same conduct that it joined. */
    public record Received(CaseFile caseFile, boolean joined, String matchedOn) {
    }

    /**
     * Stores a complaint and acknowledges it, in the caller's transaction, without starting its
     * process (the starter does, behind it). A complaint about conduct a live case already covers
     * (same respondent, same post by link or excerpt, case opened within the merge window) joins
     * that case instead of opening another.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Received receive(Filing f) {
        starter.filed();
        if (!f.conductKeys().isEmpty()) {
            Optional<Match> match = pileOns.match(f.about(), f.conductKeys());
            if (match.isEmpty()) {
                // only a filing that may open the case waits here, and only for another opening it now
                pileOns.lockKeys(f.about(), f.conductKeys());
                match = pileOns.match(f.about(), f.conductKeys());
            }
            if (match.isPresent()) {
                CaseFile c = em.find(CaseFile.class, match.get().caseId());
                join(c, f, match.get().matchedOn());
                pileOns.remember(c, f.conductKeys()); // a link or excerpt the case was not yet known by
                return new Received(c, true, match.get().matchedOn());
            }
        }
        CaseFile c = open(f);
        pileOns.remember(c, f.conductKeys());
        starter.wakeAfterCommit();
        return new Received(c, false, null);
    }

    /** Opens a case for a validated complaint, status RECEIVED; its process is started by the starter. */
    @Transactional(Transactional.TxType.MANDATORY)
    public CaseFile open(Filing f) {
        Instant now = time.now();
        long seq = ((Number) em.createNativeQuery("SELECT nextval('case_ref_seq')")
                .setFlushMode(jakarta.persistence.FlushModeType.COMMIT).getSingleResult()).longValue();
        CaseFile c = new CaseFile();
        c.ref = "EVH-%d-%06d".formatted(Year.from(now.atZone(TimeSource.ZONE)).getValue(), seq);
        c.complainant = f.from();
        c.respondent = f.about();
        vault.createKey(c.ref);
        c.allegation = vault.seal(c.ref, f.allegation());
        c.conductDate = f.conductDate();
        c.conductLink = f.link();
        c.definitionVersion = f.version().id();
        c.citedClauses = List.copyOf(new LinkedHashSet<>(f.clauses()));
        c.status = CaseFile.Status.RECEIVED;
        c.stage = "received";
        c.receivedAt = now;
        c.persist();
        letters.record(c, f.from().username, "received", staff, "Complaint received citing "
                + String.join(", ", c.citedClauses) + " of definition " + f.version().id());
        letters.tellMember(c, f.from(), Party.COMPLAINANT, "acknowledged", "We have received your complaint",
                "Thank you. Your complaint about " + f.about().displayName + " has been received and will be triaged"
                        + " by a caseworker with no connection to either of you. It will be judged against version "
                        + f.version().id() + " of the published definition of abuse, the one in force on the date of the"
                        + " conduct. We will write again once it has been triaged.");
        return c;
    }

    /** A further complaint about the conduct this case is about: the member joins it as a complainant. */
    @Transactional(Transactional.TxType.MANDATORY)
    public CaseFile join(CaseFile c, Filing f, String matchedOn) {
        if (c.partyOf(f.from()) != null) {
            throw ProblemException.conflict("you have already complained about this conduct: it is case " + c.ref
                    + " in your cases");
        }
        JoinedComplainant j = new JoinedComplainant();
        j.caseId = c.id;
        j.memberId = f.from().id;
        j.allegation = vault.seal(c.ref, f.allegation());
        j.conductDate = f.conductDate();
        j.conductLink = f.link();
        j.definitionVersion = f.version().id();
        j.citedClauses = List.copyOf(new LinkedHashSet<>(f.clauses()));
        j.matchedOn = matchedOn;
        j.filedAt = time.now();
        j.persist();
        trail.record(f.from().username, "complaint-joined", c.ref, "a further complaint about the same conduct"
                + " (matched on its " + matchedOn + "), citing " + String.join(", ", j.citedClauses));
        letters.tellMember(c, f.from(), Party.COMPLAINANT, "acknowledged", "We have received your complaint",
                "Thank you. Your complaint about " + f.about().displayName + " has been received. Other members have"
                        + " complained about the same conduct, so your complaint has been joined to theirs and the"
                        + " case will be handled once, by a caseworker with no connection to the member complained"
                        + " about. How many people complained plays no part in the decision: the conduct is judged"
                        + " against version " + c.definitionVersion + " of the published definition of abuse on its"
                        + " merits. No other complainant sees your complaint or your name. We will write again once"
                        + " it has been triaged.");
        return c;
    }

    /**
     * The starter's step: starts the processes of up to {@code max} received cases that are due,
     * in the caller's transaction, locking them (SKIP LOCKED) so that no other node starts them
     * too. Returns the refs started. If any start fails the transaction must roll back as a whole.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> startReceived(int max) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT id FROM cases WHERE status = 'RECEIVED'"
                + " AND (start_after IS NULL OR start_after <= ?1) ORDER BY id LIMIT ?2 FOR UPDATE SKIP LOCKED")
                .setParameter(1, Instant.now()).setParameter(2, max).getResultList();
        List<String> started = new ArrayList<>();
        for (Number id : ids) {
            started.add(start(em.find(CaseFile.class, id.longValue())));
        }
        return started;
    }

    /** One received case, alone (after its batch failed): started, or its failure recorded for a later retry. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> startOne(long id) {
        @SuppressWarnings("unchecked")
        List<Number> locked = em.createNativeQuery("SELECT id FROM cases WHERE id = ?1 AND status = 'RECEIVED'"
                + " FOR UPDATE SKIP LOCKED").setParameter(1, id).getResultList();
        return locked.isEmpty() ? Optional.empty() : Optional.of(start(em.find(CaseFile.class, id)));
    }

    /** Records why a received case's process could not start; it is tried again after a pause. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void startFailed(long id, String error, Duration pause) {
        CaseFile c = em.find(CaseFile.class, id);
        if (c == null || c.status != CaseFile.Status.RECEIVED) {
            return;
        }
        c.startAttempts++;
        c.startError = error == null ? "unknown" : error.length() > 2000 ? error.substring(0, 2000) : error;
        c.startAfter = Instant.now().plus(pause.multipliedBy(Math.min(60, 1L << Math.min(c.startAttempts, 6))));
    }

    private String start(CaseFile c) {
        if (c.status != CaseFile.Status.RECEIVED || c.processInstanceId != null) {
            throw new IllegalStateException("case " + c.ref + " has already been started");
        }
        Map<String, Object> vars = new HashMap<>();
        vars.put("responseWindow", config.responseWindow());
        vars.put("appealWindow", config.appealWindow());
        vars.put("targetTriage", config.targets().triage());
        vars.put("targetInvestigation", config.targets().investigation());
        vars.put("targetPanel", config.targets().panel());
        vars.put("targetAppeal", config.targets().appeal());
        c.status = CaseFile.Status.OPEN;
        c.startAfter = null;
        c.startError = null;
        c.processInstanceId = process.start(CaseProcess.COMPLAINT, c.ref, vars);
        return c.ref;
    }

    /**
     * Process step (execution listener on each stage's wait state): the case's stage, and the
     * deadline a party has in it, kept on the case so that the member's view needs no engine query.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void stageEntered(String ref, String stage, String window) {
        CaseFile c = load(ref);
        c.stage = stage;
        c.stageDue = window == null ? null : Durations.after(time.now(), window);
    }

    /** Process step: the caseworkers eligible to handle this case, as the engine's candidate list. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String triagePool(String ref) {
        CaseFile c = load(ref);
        List<String> pool = assignment.eligible(c, Handler.CASEWORKER, List.of());
        if (pool.isEmpty()) {
            throw new IllegalStateException("no caseworker is eligible to triage " + ref);
        }
        letters.record(c, "process", "triage-pool", staff, "Offered for triage to " + pool.size()
                + " eligible caseworkers (parties and their CLPs excluded)");
        return String.join(",", pool);
    }

    @Transactional
    public void triage(String taskId, String ref, String caseworker, Payloads.Triage in) {
        CaseFile c = load(ref);
        DefinitionVersion v = citations.version(c.definitionVersion);
        List<String> clauses = in.clauses() == null ? List.of() : List.copyOf(new LinkedHashSet<>(in.clauses()));
        if (in.inScope()) {
            if (clauses.isEmpty()) {
                throw ProblemException.invalidField("clauses", "an in-scope complaint must engage at least one clause");
            }
            citations.requireClauses(v, clauses, "clauses");
        } else if (!clauses.isEmpty()) {
            throw ProblemException.invalidField("clauses", "an out-of-scope complaint engages no clause");
        }
        if (in.inScope()) {
            List<Long> lacking = evidence.isResolvable() ? evidence.get().itemsLackingLawfulBasis(c) : List.of();
            if (!lacking.isEmpty()) {
                throw ProblemException.invalidField("lawfulBasis", "record the lawful basis for evidence items "
                        + lacking + " (POST /api/cases/" + ref + "/evidence/{id}/lawful-basis) before accepting the case");
            }
        }
        c.triagedBy = caseworker;
        c.triagedAt = time.now();
        c.inScope = in.inScope();
        c.engagedClauses = clauses;
        c.triageReasons = vault.seal(c.ref, in.reasons());
        c.exchangeOpenedBy = in.exchangeOpenedBy() == null ? null : in.exchangeOpenedBy().code();
        if (in.protectedCharacteristic() != null && !in.inScope()) {
            throw ProblemException.invalidField("protectedCharacteristic",
                    "only a complaint in scope is recorded against a protected characteristic");
        }
        c.protectedCharacteristic = in.protectedCharacteristic() == null ? null : in.protectedCharacteristic().code();
        letters.record(c, caseworker, "triaged", staff, (in.inScope() ? "In scope, engaging " + String.join(", ", clauses)
                : "Out of scope") + " (definition " + v.id() + "). Reasons: " + in.reasons());
        process.complete(taskId, Map.of("inScope", in.inScope()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void tellOutOfScope(String ref) {
        CaseFile c = load(ref);
        c.status = CaseFile.Status.DISMISSED;
        c.outcome = CaseFile.Outcome.DISMISSED_AT_TRIAGE;
        c.closedAt = time.now();
        concluded.fire(new CaseConcluded(c.ref, c.id, c.outcome, c.closedAt));
        letters.tell(c, Party.COMPLAINANT, "dismissed", "Your complaint is outside the definition of abuse",
                "A caseworker has found that the conduct you describe does not engage any clause of version "
                        + c.definitionVersion + " of the definition of abuse, so it will not be taken further.\n\n"
                        + "Their reasons: " + vault.open(c.ref, c.triageReasons) + "\n\nThe respondent has not been told of your complaint."
                        + " If you have new information, you may make a fresh complaint.");
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void notifyRespondent(String ref) {
        CaseFile c = load(ref);
        DefinitionVersion v = citations.version(c.definitionVersion);
        c.respondentNotifiedAt = time.now();
        Instant due = Durations.after(time.now(), config.responseWindow());
        String clauses = c.engagedClauses.stream().map(id -> "- " + id + ": " + v.clause(id).map(
                DefinitionVersion.Clause::title).orElse(id)).collect(Collectors.joining("\n"));
        letters.tell(c, Party.RESPONDENT, "allegation", "A complaint has been made about your conduct",
                "A complaint has been made about conduct of yours on " + c.conductDate + ". A caseworker has found that,"
                        + " if it were shown, it could breach these clauses of version " + v.id()
                        + " of the definition of abuse:\n" + clauses + "\n\nThe allegation:\n" + vault.open(c.ref, c.allegation)
                        + (pileOns.hasJoined(c) ? "\n\nOther members complained about the same conduct; their complaints"
                                + " have been joined to this one and are considered with it. How many people complained"
                                + " plays no part in the decision." : "")
                        + "\n\nNothing has been decided. You may send your response, with any context you think matters,"
                        + " by " + CaseLetters.date(due) + ". After that the case goes to an independent investigator"
                        + " and then to a panel of three members who have no connection to you or the complainant.");
        letters.tell(c, Party.COMPLAINANT, "accepted", "Your complaint will be investigated",
                "Your complaint has passed triage. It engages: " + String.join(", ", c.engagedClauses)
                        + ". The respondent has been told of the allegation and has until " + CaseLetters.date(due)
                        + " to respond. An investigator will then look into it.");
    }

    /** The respondent answers the allegation; only while the response window is open. */
    @Transactional
    public void respond(Member member, String ref, Payloads.Response in) {
        CaseFile c = visibleTo(member, ref);
        if (c.partyOf(member) != Party.RESPONDENT) {
            throw ProblemException.forbidden("only the respondent can respond to the allegation");
        }
        c.responseStatement = vault.seal(c.ref, in.statement());
        c.respondedAt = time.now();
        letters.record(c, member.username, "responded", parties, "The respondent sent their response");
        if (!process.deliver(ref, "ResponseReceived", Map.of())) {
            throw ProblemException.conflict("the response window for " + ref + " is not open");
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recordNoResponse(String ref) {
        CaseFile c = load(ref);
        letters.record(c, "process", "no-response", parties,
                "The response window closed without a response; the case moves to investigation");
    }

    /** Process step: draws the investigator. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String assignInvestigator(String ref) {
        CaseFile c = load(ref);
        c.investigator = assignment.draw(c, Handler.CASEWORKER, List.of(), 1, "an investigator").get(0);
        letters.record(c, "process", "investigator-drawn", staff, "Investigator drawn at random: " + c.investigator);
        letters.record(c, "process", "investigation", parties, "The case is being investigated");
        return c.investigator;
    }

    @Transactional
    public void investigate(String taskId, String ref, String caseworker, Payloads.Investigation in) {
        CaseFile c = load(ref);
        c.investigationReport = vault.seal(c.ref, in.report());
        c.investigatedAt = time.now();
        letters.record(c, caseworker, "investigated", staff, "Investigation report filed");
        letters.record(c, caseworker, "to-panel", parties, "The investigation is complete; the case goes to a panel");
        process.complete(taskId, Map.of());
    }

    /** Process step: a stage passed its target; raises an escalation task for the eligible caseworkers. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void stageOverdue(String ref, String stage) {
        CaseFile c = load(ref);
        letters.record(c, "process", "overdue", staff, "Stage target passed (" + stage + "); escalation raised");
        List<String> pool = assignment.eligible(c, Handler.CASEWORKER, List.of());
        process.start(CaseProcess.ESCALATION, ref, Map.of("stage", stage, "pool", String.join(",", pool)));
    }

    /**
     * Process step, after consent for an item of evidence was withdrawn during handling: the
     * case goes back to triage; any panel already drawn stands down and its votes lapse.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void returnToTriage(String ref) {
        CaseFile c = load(ref);
        Instant now = time.now();
        PanelSeat.update("supersededAt = ?1 where caseId = ?2 and supersededAt is null", now, c.id);
        PanelVote.update("supersededAt = ?1 where caseId = ?2 and supersededAt is null", now, c.id);
        letters.record(c, "process", "back-to-triage", staff, "Evidence was withdrawn; the case returns to triage");
        String text = "Consent for an item of evidence on this case has been withdrawn, so that item can no longer"
                + " be used or read by anyone. The case goes back to triage and will be looked at afresh without it;"
                + " any panel already drawn stands down.";
        letters.tell(c, Party.COMPLAINANT, "back-to-triage", "Your case is being triaged again", text);
        if (c.respondentNotifiedAt != null) {
            letters.tell(c, Party.RESPONDENT, "back-to-triage", "The case about you is being triaged again", text);
        }
    }

    @Transactional
    public void resolveEscalation(String taskId, String ref, String caseworker, Payloads.Escalation in) {
        CaseFile c = load(ref);
        letters.record(c, caseworker, "escalation-resolved", staff, "Overdue stage dealt with: " + in.note());
        process.complete(taskId, Map.of());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void close(String ref) {
        CaseFile c = load(ref);
        c.status = CaseFile.Status.CLOSED;
        c.closedAt = time.now();
        letters.record(c, "process", "closed", parties, "The case is closed");
        concluded.fire(new CaseConcluded(c.ref, c.id, c.outcome, c.closedAt));
        suspensions.get().endingBecause(c, "the case has concluded");
        process.deliver(ref, "CaseConcluded", Map.of());
    }

    public CaseFile load(String ref) {
        return CaseFile.byRef(ref).orElseThrow(() -> ProblemException.notFound("case " + ref));
    }

    /**
     * The case if this member may see it: the complainant always, the respondent once triage has
     * put the allegation to them. Otherwise 404, so that others' cases stay invisible.
     */
    public CaseFile visibleTo(Member member, String ref) {
        CaseFile c = CaseFile.withParties(ref).orElse(null);
        if (c == null || !c.isVisibleTo(member)) {
            throw ProblemException.notFound("case " + ref);
        }
        return c;
    }
}
