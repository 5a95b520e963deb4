package org.evenhand.casework;

import static org.evenhand.casework.TimelineEntry.Audience.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.evenhand.common.ProblemException;
import org.evenhand.common.Durations;
import org.evenhand.common.TimeSource;
import org.evenhand.identity.Handler;

/**
 * Interim suspension: a protective measure while a case is open, never a sanction. It needs
 * written reasons, is reviewed when its review date comes, and lapses then unless a
 * caseworker renews it with fresh reasons. It is lifted when the case concludes.
 */
@ApplicationScoped
public class SuspensionService {

    @Inject
    CaseService cases;
    @Inject
    CaseLetters letters;
    @Inject
    CaseProcess process;
    @Inject
    Assignment assignment;
    @Inject
    TimeSource time;
    @Inject
    ProcessConfig config;

    @Transactional
    public void request(String ref, String caseworker, Payloads.SuspensionRequest in) {
        CaseFile c = cases.load(ref);
        if (c.status != CaseFile.Status.OPEN) {
            throw ProblemException.conflict("case " + ref + " is not open");
        }
        if (InterimSuspension.activeFor(c.id).isPresent()) {
            throw ProblemException.conflict("the respondent on " + ref + " is already suspended");
        }
        List<String> pool = assignment.eligible(c, Handler.CASEWORKER, List.of());
        process.start(CaseProcess.SUSPENSION, ref, Map.of("reviewPool", String.join(",", pool),
                "suspensionReview", config.suspensionReview(), "requestedBy", caseworker, "reasons", in.reasons()));
    }

    /** Process step. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void impose(String ref, String caseworker, String reasons) {
        CaseFile c = cases.load(ref);
        InterimSuspension s = new InterimSuspension();
        s.caseId = c.id;
        s.imposedBy = caseworker;
        s.reasons = reasons;
        s.imposedAt = time.now();
        s.persist();
        Instant review = Durations.after(s.imposedAt, config.suspensionReview());
        letters.record(c, caseworker, "suspension-imposed", staff, "Interim suspension imposed. Reasons: " + reasons);
        letters.tell(c, Party.RESPONDENT, "suspension", "You are suspended from membership pending the outcome",
                "While your case is considered, you are suspended from membership on an interim basis. This is not a"
                        + " sanction and says nothing about the outcome. The reasons:\n" + reasons
                        + "\n\nIt will be reviewed by " + CaseLetters.date(review)
                        + " and lapses then unless renewed with fresh reasons.");
    }

    @Transactional
    public void review(String taskId, String ref, String caseworker, Payloads.SuspensionReview in) {
        CaseFile c = cases.load(ref);
        letters.record(c, caseworker, "suspension-reviewed", staff, (in.renew() ? "Renewed" : "Not renewed")
                + " at review. Reasons: " + in.reasons());
        process.complete(taskId, in.renew() ? Map.of("renew", true, "renewReasons", in.reasons())
                : Map.of("renew", false, "liftReason", "not renewed at review: " + in.reasons()));
    }

    /** Process step. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void renew(String ref, String reasons) {
        CaseFile c = cases.load(ref);
        InterimSuspension s = InterimSuspension.activeFor(c.id).orElseThrow();
        s.renewals++;
        Instant review = Durations.after(time.now(), config.suspensionReview());
        letters.tell(c, Party.RESPONDENT, "suspension-renewed", "Your interim suspension has been renewed",
                "After review, your interim suspension continues. The reasons:\n" + reasons + "\n\nIt will be reviewed"
                        + " again by " + CaseLetters.date(review) + ".");
    }

    /** Process step. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lift(String ref, String reason) {
        CaseFile c = cases.load(ref);
        InterimSuspension s = InterimSuspension.activeFor(c.id).orElseThrow();
        s.liftedAt = time.now();
        s.liftReason = reason;
        letters.tell(c, Party.RESPONDENT, "suspension-lifted", "Your interim suspension has been lifted",
                "Your interim suspension ended on " + CaseLetters.date(s.liftedAt) + ": " + reason + ".");
    }
}
