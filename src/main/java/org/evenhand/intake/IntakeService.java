package org.evenhand.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.evenhand.casework.ReceivingComplaints;
import org.evenhand.casework.EvidenceGate;
import org.evenhand.casework.PileOns;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.definition.Citations;
import org.evenhand.definition.DefinitionVersion;
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
    Citations citations;
    @Inject
    TimeSource time;
    @Inject
    FilingRateLimit rateLimit;
    @Inject
    Instance<EvidenceGate> evidence;

    @Transactional
    public ComplaintReceipt file(Member complainant, ComplaintRequest in) {
        rateLimit.check(complainant);
        Member respondent = Member.byMembershipNumber(in.respondentMembershipNumber().strip())
                .orElseThrow(() -> ProblemException.invalidField("respondentMembershipNumber",
                        "no member has this membership number"));
        if (respondent.id.equals(complainant.id)) {
            throw ProblemException.invalidField("respondentMembershipNumber", "you cannot complain about yourself");
        }
        if (in.conductDate().isAfter(time.today())) {
            throw ProblemException.invalidField("conductDate", "the conduct date cannot be in the future");
        }
        DefinitionVersion version = citations.versionFor(in.conductDate(), in.clauses(), "clauses");
        EvidenceGate.Excerpt excerpt = null;
        if (in.evidence() != null) {
            ComplaintRequest.Evidence e = in.evidence();
            excerpt = new EvidenceGate.Excerpt(e.text(), e.threadContext(), e.attestPartyToExchange(),
                    e.consent().noticeVersion(), e.consent().purpose());
            evidence.get().checkExcerpt(excerpt);
        }
        ReceivingComplaints.Received r = cases.receive(new ReceivingComplaints.Filing(complainant, respondent, in.allegation().strip(),
                in.conductDate(), in.conductLink(), version, in.clauses().stream().map(String::strip).toList(),
                pileOns.keysFor(in.conductLink(), excerpt == null ? null : excerpt.text())));
        involved.afterFiling(r.caseFile(), r.joined(), complainant, in.allegation(), excerpt == null ? null : excerpt.text());
        Long item = excerpt == null ? null : evidence.get().giveWithComplaint(r.caseFile(), complainant, excerpt);
        return new ComplaintReceipt(r.caseFile().ref, r.caseFile().definitionVersion, "Received", time.now(), item);
    }
}
