package org.evenhand.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import org.evenhand.definition.Citations;
import org.evenhand.identity.Member;

/**
 * Complaints about a member that were never put to them: dismissed at triage, withdrawn first, or
 * still at triage. The member sees none of them on their pages (decision 0004), but each is their
 * personal data, so their subject access pack holds it (decision 0041): the allegation and triage's
 * reasons, with who complained struck out as decision 0029 has it for a respondent not yet told (the
 * first complainant's name, membership number, login and email, and every joined complainant's).
 */
@ApplicationScoped
public class UntoldCases {

    /**
     * One such case as the member's pack shows it. status: OPEN (at triage), DISMISSED or WITHDRAWN;
     * othersComplained: how many besides the first complainant (never who).
     */
    public record Untold(String ref, Instant receivedAt, LocalDate conductDate, String definitionVersion,
            List<CaseViews.ClauseRef> clausesCited, String allegation, String status, String outcome, Instant endedAt,
            String triageReasons, int othersComplained) {
    }

    @Inject
    CaseViews views;
    @Inject
    ComplainantIdentity identity;
    @Inject
    Citations citations;

    /** Every case about this member that was never put to them, oldest first. */
    @Transactional
    public List<Untold> about(Member m) {
        List<CaseFile> cases = CaseFile.list("select c from CaseFile c left join fetch c.complainant"
                + " where c.respondent.id = ?1 and c.respondentNotifiedAt is null order by c.receivedAt", m.id);
        return cases.stream().map(this::untold).toList();
    }

    private Untold untold(CaseFile c) {
        UnaryOperator<String> shown = identity.forRespondent(c);
        return new Untold(c.ref, c.receivedAt, c.conductDate, c.definitionVersion,
                CaseViews.clauses(citations.version(c.definitionVersion), c.citedClauses),
                shown.apply(views.text(c, c.allegation)), CaseViews.status(c),
                c.outcome == null ? null : c.outcome.name(), c.closedAt,
                c.triagedAt == null ? null : shown.apply(views.text(c, c.triageReasons)), identity.othersJoined(c));
    }
}
