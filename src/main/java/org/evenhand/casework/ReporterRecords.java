package org.evenhand.casework;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * A complainant's track record as a reporter, for the caseworker who handles the case (never a
 * panel, which works blind, and never the audit): their complaints before this one, how many
 * were dismissed at triage as out of scope, and in how many cases against them the bad-faith
 * clause was upheld by the final decision (decision 0027). Counted from casework's own tables.
 */
@ApplicationScoped
public class ReporterRecords {

    /** The clause of the definition for false allegations and bad-faith complaints. */
    static final String BAD_FAITH_CLAUSE = "false-allegation";

    public record TrackRecord(long previousComplaints, long dismissedOutOfScope, long foundInBadFaith) {
    }

    /** The record of the case's first complainant, from before this case was received; null once they are erased. */
    public TrackRecord of(CaseFile c) {
        if (c.complainant == null) {
            return null;
        }
        Long member = c.complainant.id;
        List<CaseFile> earlier = CaseFile.list("select c from CaseFile c where c.id <> ?2 and c.receivedAt < ?3 and"
                + " (c.complainant.id = ?1 or c.id in (select j.caseId from JoinedComplainant j where j.memberId = ?1))",
                member, c.id, c.receivedAt);
        long dismissed = earlier.stream().filter(x -> x.outcome == CaseFile.Outcome.DISMISSED_AT_TRIAGE).count();
        List<CaseFile> against = CaseFile.list("select c from CaseFile c where c.respondent.id = ?1 and c.id <> ?2"
                + " and c.outcome = ?3", member, c.id, CaseFile.Outcome.UPHELD);
        long badFaith = against.stream().filter(ReporterRecords::badFaithUpheld).count();
        return new TrackRecord(earlier.size(), dismissed, badFaith);
    }

    /** Whether the case's final decision (the appeal's, when there was one) upheld the bad-faith clause. */
    static boolean badFaithUpheld(CaseFile c) {
        Decision last = Decision.<Decision>find("caseId = ?1 order by decidedAt desc, id desc", c.id).firstResult();
        return last != null && last.findings != null && last.findings.stream()
                .anyMatch(f -> BAD_FAITH_CLAUSE.equals(f.clause()) && Boolean.TRUE.equals(f.upheld()));
    }
}
