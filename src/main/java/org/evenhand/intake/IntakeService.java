package org.evenhand.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.evenhand.casework.CaseFile;
import org.evenhand.casework.CaseService;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.definition.Citations;
import org.evenhand.definition.DefinitionVersion;
import org.evenhand.identity.Member;

/** Checks a complaint against the membership and the definition in force, then opens the case. */
@ApplicationScoped
public class IntakeService {

    @Inject
    CaseService cases;
    @Inject
    Citations citations;
    @Inject
    TimeSource time;
    @Inject
    FilingRateLimit rateLimit;

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
        CaseFile c = cases.open(complainant, respondent, in.allegation().strip(), in.conductDate(), in.conductLink(),
                version, in.clauses().stream().map(String::strip).toList());
        return new ComplaintReceipt(c.ref, c.definitionVersion, "Triage", c.receivedAt);
    }
}
