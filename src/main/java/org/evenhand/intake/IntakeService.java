package org.evenhand.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.evenhand.web.Words;
import jakarta.transaction.Transactional;
import java.util.List;
import org.evenhand.casework.ReceivingComplaints;
import org.evenhand.casework.EvidenceGate;
import org.evenhand.casework.PileOns;
import org.evenhand.common.Problem;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.definition.DefinitionCatalog;
import org.evenhand.definition.DefinitionVersion;
import org.evenhand.evidence.EvidenceRecords;
import org.evenhand.identity.Member;

/**
 * Checks a complaint against the membership and the definition in force, then stores and
 * acknowledges it in one short transaction: the case (or, for conduct a live case already covers,
 * the complainant joining it), the sealed allegation, the evidence item given with it, the
 * acknowledgement letter, the timeline and trail entries. The process starts behind it
 * (casework.ProcessStarter), so the answer never waits for the engine.
 */
@ApplicationScoped
public class IntakeService {

    @Inject
    org.evenhand.casework.InvolvedHandlers involved;
    @Inject
    ReceivingComplaints cases;
    @Inject
    PileOns pileOns;
    @Inject
    DefinitionCatalog catalog;
    @Inject
    TimeSource time;
    @Inject
    FilingRateLimit rateLimit;
    @Inject
    Instance<EvidenceGate> evidence;
    @Inject
    org.evenhand.identity.MemberLogins logins;

    /** What a complaint was checked against: the member it is about, the definition in force, the post given with it. */
    record Checked(Member respondent, DefinitionVersion version, EvidenceGate.Excerpt excerpt,
            List<PileOns.ConductKey> conductKeys) {
    }

    /**
     * Checks a complaint whose record is valid (FilingWithEvidence checks it first) as filing it would,
     * storing nothing: refused, in the words of {@link IntakeWords}, for a complainant whose membership has
     * lapsed (403, decision 0039), for a respondent who is not a member
     * or is the complainant, for a date or clauses the definition does not cover, for conduct the member
     * has already complained about, and at the filing limit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Checked check(Member complainant, ComplaintRequest in) {
        IntakeWords words = Words.current(IntakeWords.class); // the filing page reads them in its language
        if (complainant.lapsed()) {
            throw ProblemException.forbidden(words.lapsed());
        }
        rateLimit.check(complainant);
        Member respondent = logins.byMembershipNumber(in.respondentMembershipNumber().strip())
                .orElseThrow(() -> ProblemException.invalidField("respondentMembershipNumber", words.noSuchMember()));
        if (respondent.id.equals(complainant.id)) {
            throw ProblemException.invalidField("respondentMembershipNumber", words.notYourself());
        }
        DefinitionVersion version = catalog.inForceOn(in.conductDate()).orElseThrow(() -> ProblemException
                .invalidField("conductDate", words.predatesTheDefinition(catalog.versions().get(0).effectiveFrom())));
        List<Problem.FieldError> unknown = in.clauses().stream().map(String::strip)
                .filter(id -> version.clause(id).isEmpty())
                .map(id -> new Problem.FieldError("clauses", words.noSuchClause(id, version.id()))).toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid(unknown);
        }
        EvidenceGate.Excerpt excerpt = null;
        if (in.evidence() != null && in.evidence().hasText()) {
            EvidenceRecords.Evidence e = in.evidence();
            excerpt = new EvidenceGate.Excerpt(e.text(), e.thread(), e.attestPartyToExchange(),
                    e.consent().noticeVersion(), e.consent().purpose());
            evidence.get().checkExcerpt(excerpt);
        }
        List<PileOns.ConductKey> keys = pileOns.keysFor(in.conductLink(), excerpt == null ? null : excerpt.text());
        cases.requireNotAlreadyComplained(complainant, respondent, keys);
        return new Checked(respondent, version, excerpt, keys);
    }

    /** Checks a complaint as {@link #check} does and stores it. */
    @Transactional
    ComplaintReceipt file(Member complainant, ComplaintRequest in) {
        Checked ok = check(complainant, in);
        EvidenceGate.Excerpt excerpt = ok.excerpt();
        ReceivingComplaints.Received r = cases.receive(new ReceivingComplaints.Filing(complainant, ok.respondent(),
                in.allegation().strip(), in.conductDate(), in.conductLink(), ok.version(),
                in.clauses().stream().map(String::strip).toList(), ok.conductKeys(),
                in.anonymity() == null ? null
                        : new ReceivingComplaints.AnonymityAsked(in.anonymity().ground(), in.anonymity().reasons())));
        involved.afterFiling(r.caseFile(), r.joined(), complainant, in.allegation(), excerpt == null ? null : excerpt.text());
        Long item = excerpt == null ? null : evidence.get().giveWithComplaint(r.caseFile(), complainant, excerpt);
        return new ComplaintReceipt(r.caseFile().ref, r.caseFile().definitionVersion, "Received", time.now(), item,
                null);
    }
}
