package org.evenhand.casework;

import static org.evenhand.casework.TimelineEntry.Audience.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.evenhand.casework.rules.Deadlines;
import org.evenhand.casework.rules.Disclosure;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.crypto.CaseVault;
import org.evenhand.definition.Citations;
import org.evenhand.definition.DefinitionVersion;
import org.evenhand.identity.Handler;

/**
 * Triaging a complaint: offered to the eligible caseworkers, found in or out of scope with the
 * clauses it engages, and then either the complainant told it goes no further or the respondent
 * told the allegation. A case whose evidence was withdrawn comes back here.
 */
@ApplicationScoped
public class Triaging {

    @Inject
    CaseAccess cases;
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
    CaseVault vault;
    @Inject
    jakarta.enterprise.event.Event<CaseConcluded> concluded;
    @Inject
    jakarta.enterprise.inject.Instance<EvidenceGate> evidence;
    @Inject
    jakarta.enterprise.inject.Instance<CaseEvidence> caseEvidence;
    @Inject
    ComplainantIdentity identity;
    @Inject
    AnonymityWords words;

    /** Process step: the caseworkers eligible to handle this case, as the engine's candidate list. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String triagePool(String ref) {
        CaseFile c = cases.load(ref);
        org.evenhand.casework.rules.Eligibility.Pool drawn = assignment.pool(c, Handler.CASEWORKER, List.of());
        List<String> pool = drawn.handlers();
        if (pool.isEmpty()) {
            throw new IllegalStateException("no caseworker is eligible to triage " + ref);
        }
        letters.record(c, "process", "triage-pool", staff, "Offered for triage to " + pool.size()
                + " eligible caseworkers (parties and their CLPs excluded)" + (drawn.relaxed() ? "; nobody outside the"
                        + " joined complainants' CLPs was eligible, so those CLPs alone are not excluded (decision 0024)" : ""));
        return String.join(",", pool);
    }

    @Transactional
    public void triage(String taskId, String ref, String caseworker, Payloads.Triage in) {
        CaseFile c = cases.load(ref);
        DefinitionVersion v = citations.version(c.definitionVersion);
        List<String> clauses = in.clauses() == null ? List.of() : List.copyOf(new LinkedHashSet<>(in.clauses()));
        Disclosure.Anonymity anonymity = checkDecision(c, v, in, clauses);
        if (in.lawfulBases() != null) {
            in.lawfulBases().stream().filter(Payloads.LawfulBasisGiven::given)
                    .forEach(b -> caseEvidence.get().recordLawfulBasis(caseworker, ref, b));
        }
        if (in.inScope()) {
            requireLawfulBases(c, List.of());
        }
        c.triagedBy = caseworker;
        c.triagedAt = time.now();
        c.inScope = in.inScope();
        c.engagedClauses = clauses;
        c.triageReasons = vault.seal(c.ref, in.reasons());
        c.exchangeOpenedBy = in.exchangeOpenedBy() == null ? null : in.exchangeOpenedBy().code();
        c.protectedCharacteristic = in.protectedCharacteristic() == null ? null : in.protectedCharacteristic().code();
        letters.record(c, caseworker, "triaged", staff, (in.inScope() ? "In scope, engaging " + String.join(", ", clauses)
                : "Out of scope") + " (definition " + v.id() + "). Reasons: " + in.reasons());
        decideAnonymity(c, caseworker, in, anonymity);
        process.complete(taskId, Map.of("inScope", in.inScope()));
    }

    /**
     * Checks a triage exactly as {@link #triage} would (the decision, the clauses, each lawful basis given,
     * a basis for every item if the case is accepted), storing nothing: the check page before it is
     * recorded (decision 0037).
     */
    @Transactional
    public void check(String ref, String caseworker, Payloads.Triage in) {
        CaseFile c = cases.load(ref);
        DefinitionVersion v = citations.version(c.definitionVersion);
        List<String> clauses = in.clauses() == null ? List.of() : List.copyOf(new LinkedHashSet<>(in.clauses()));
        checkDecision(c, v, in, clauses);
        List<Long> given = new java.util.ArrayList<>();
        if (in.lawfulBases() != null) {
            in.lawfulBases().stream().filter(Payloads.LawfulBasisGiven::given).forEach(b -> {
                caseEvidence.get().checkLawfulBasis(caseworker, ref, b);
                given.add(b.evidenceId());
            });
        }
        if (in.inScope()) {
            requireLawfulBases(c, given);
        }
    }

    /** The triage's own rules beyond its payload's: who complained settled first, clauses of the case's definition. */
    private Disclosure.Anonymity checkDecision(CaseFile c, DefinitionVersion v, Payloads.Triage in, List<String> clauses) {
        Disclosure.Anonymity anonymity = c.anonymityState();
        if (in.anonymity() != null && !anonymity.needsDecision()) {
            throw ProblemException.invalidField("anonymity.grant", anonymity == Disclosure.Anonymity.NOT_ASKED
                    ? words.nothingAsked() : words.alreadyDecided());
        }
        if (in.inScope() && anonymity.needsDecision() && in.anonymity() == null) {
            // the respondent is told the allegation next: who complained must be settled first
            throw ProblemException.invalidField("anonymity.grant", words.decisionNeeded());
        }
        // the payload's own rules (in scope needs a clause, out of scope none, ...) are on Payloads.Triage
        if (in.inScope()) {
            citations.requireClauses(v, clauses, "clauses");
        }
        return anonymity;
    }

    /** A case is accepted only with a lawful basis for each item about the respondent (those given now aside). */
    private void requireLawfulBases(CaseFile c, List<Long> givenNow) {
        List<Long> lacking = evidence.isResolvable() ? evidence.get().itemsLackingLawfulBasis(c).stream()
                .filter(id -> !givenNow.contains(id)).toList() : List.of();
        if (!lacking.isEmpty()) {
            throw ProblemException.invalidField("lawfulBases", "record the lawful basis for evidence items "
                    + lacking + " (in lawfulBases, or POST /api/cases/" + c.ref + "/evidence/{id}/lawful-basis) before accepting the case");
        }
    }

    /**
     * Records the decision on a pending request for anonymity (timeline and trail), and, when the
     * complaint goes ahead and the respondent has not been told of it yet, tells the first
     * complainant whether their name will be shared (decision 0029).
     */
    private void decideAnonymity(CaseFile c, String caseworker, Payloads.Triage in, Disclosure.Anonymity before) {
        Disclosure.Anonymity now = before;
        if (in.anonymity() != null) {
            now = before.decided(in.anonymity().grant());
            c.anonymity = now.name().toLowerCase(java.util.Locale.ROOT);
            c.anonymityDecidedBy = caseworker;
            c.anonymityDecidedAt = time.now();
            c.anonymityDecisionReasons = vault.seal(c.ref, in.anonymity().reasons().strip());
            letters.record(c, caseworker, "anonymity-decided", staff,
                    words.decided(in.anonymity().grant(), in.anonymity().reasons().strip()));
        }
        if (in.inScope() && c.respondentNotifiedAt == null && c.complainant != null && c.respondent != null) {
            boolean asked = before != Disclosure.Anonymity.NOT_ASKED;
            letters.tellMember(c, c.complainant, Party.COMPLAINANT, "name-shared", Letters.nameShared(
                    new Letters.NameShared(c.respondent.displayName, asked, now == Disclosure.Anonymity.GRANTED,
                            in.anonymity() == null ? null : in.anonymity().reasons().strip())));
        }
    }

    /** Process step: out of scope; the case ends and the complainant is told why. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void tellOutOfScope(String ref) {
        CaseFile c = cases.load(ref);
        c.status = CaseFile.Status.DISMISSED;
        c.outcome = CaseFile.Outcome.DISMISSED_AT_TRIAGE;
        c.closedAt = time.now();
        concluded.fire(new CaseConcluded(c.ref, c.id, c.outcome, c.closedAt));
        letters.tell(c, Party.COMPLAINANT, "dismissed", Letters.dismissed(new Letters.Dismissed(c.definitionVersion,
                vault.open(c.ref, c.triageReasons))));
    }

    /** Process step: in scope; the respondent is told the allegation and the complainant that it goes ahead. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void notifyRespondent(String ref) {
        CaseFile c = cases.load(ref);
        DefinitionVersion v = citations.version(c.definitionVersion);
        c.respondentNotifiedAt = time.now();
        Instant due = Deadlines.due(time.now(), config.responseWindow());
        List<Letters.ClauseLine> clauses = Letters.clauses(v, c.engagedClauses);
        // who complained: named unless anonymity was granted; joined complainants counted, never named (decision 0029)
        letters.tell(c, Party.RESPONDENT, "allegation", Letters.allegation(new Letters.Allegation(c.conductDate, v.id(),
                clauses, identity.forRespondent(c).apply(vault.open(c.ref, c.allegation)), identity.nameForRespondent(c),
                identity.othersJoined(c), due)));
        letters.tell(c, Party.COMPLAINANT, "accepted", Letters.accepted(new Letters.Accepted(clauses, due)));
    }

    /**
     * Process step, after consent for an item of evidence was withdrawn during handling: the
     * case goes back to triage; any panel already drawn stands down and its votes lapse.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void returnToTriage(String ref) {
        CaseFile c = cases.load(ref);
        Instant now = time.now();
        PanelSeat.update("supersededAt = ?1 where caseId = ?2 and supersededAt is null", now, c.id);
        PanelVote.update("supersededAt = ?1 where caseId = ?2 and supersededAt is null", now, c.id);
        ReportComment.update("supersededAt = ?1 where caseId = ?2 and supersededAt is null", now, c.id);
        RecordedFindings.update("supersededAt = ?1 where caseId = ?2 and supersededAt is null", now, c.id);
        c.reportDisclosedAt = null;
        // a case never triaged is not "triaged again": triage goes on without the item
        boolean again = c.triagedAt != null;
        letters.record(c, "process", "back-to-triage", staff, again ? "Evidence was withdrawn; the case returns to triage"
                : "Evidence was withdrawn before triage; triage goes on without it");
        letters.tell(c, Party.COMPLAINANT, "back-to-triage", Letters.backToTriage(new Letters.BackToTriage(false, again)));
        if (c.respondentNotifiedAt != null) {
            letters.tell(c, Party.RESPONDENT, "back-to-triage", Letters.backToTriage(new Letters.BackToTriage(true, again)));
        }
    }
}
