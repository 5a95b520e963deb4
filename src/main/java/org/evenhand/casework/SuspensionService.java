package org.evenhand.casework;

import static org.evenhand.casework.TimelineEntry.Audience.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.evenhand.casework.rules.Deadlines;
import org.evenhand.common.Commands;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.identity.Handler;
import org.evenhand.crypto.CaseVault;

/**
 * Interim suspension: a protective measure while a case is open, never a sanction. It needs
 * written reasons, is reviewed when its review date comes, and lapses then unless a
 * caseworker renews it with fresh reasons. It is lifted when the case concludes. Reasons are
 * kept sealed on the suspension record; the process only carries the decision to renew.
 */
@ApplicationScoped
public class SuspensionService {

    static final String LAPSED = "the review date passed without renewal";

    @Inject
    CaseAccess cases;
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
    @Inject
    CaseVault vault;
    @Inject
    Commands commands;

    @Transactional
    public void request(String ref, String caseworker, Payloads.SuspensionRequest in) {
        commands.check(in);
        CaseFile c = cases.load(ref);
        if (c.status != CaseFile.Status.OPEN) {
            throw ProblemException.conflict("case " + ref + " is not open");
        }
        if (InterimSuspension.activeFor(c.id).isPresent()) {
            throw ProblemException.conflict("the respondent on " + ref + " is already suspended");
        }
        InterimSuspension s = new InterimSuspension();
        s.caseId = c.id;
        s.imposedBy = caseworker;
        s.reasons = vault.seal(ref, in.reasons());
        s.imposedAt = time.now();
        s.persist();
        List<String> pool = assignment.eligible(c, Handler.CASEWORKER, List.of());
        process.start(CaseProcess.SUSPENSION, ref, Map.of("reviewPool", String.join(",", pool),
                "suspensionReview", config.suspensionReview()));
    }

    /** Process step: tells the respondent. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void impose(String ref) {
        CaseFile c = cases.load(ref);
        InterimSuspension s = InterimSuspension.activeFor(c.id).orElseThrow();
        Instant review = Deadlines.due(s.imposedAt, config.suspensionReview());
        letters.record(c, s.imposedBy, "suspension-imposed", staff, "Interim suspension imposed. Reasons: "
                + vault.open(ref, s.reasons));
        letters.tell(c, Party.RESPONDENT, "suspension", Letters.suspended(new Letters.Suspended(vault.open(ref,
                s.reasons), review)));
    }

    @Transactional
    public void review(String taskId, String ref, String caseworker, Payloads.SuspensionReview in) {
        CaseFile c = cases.load(ref);
        InterimSuspension s = InterimSuspension.activeFor(c.id).orElseThrow();
        letters.record(c, caseworker, "suspension-reviewed", staff, (in.renew() ? "Renewed" : "Not renewed")
                + " at review. Reasons: " + in.reasons());
        if (in.renew()) {
            s.reasons = vault.seal(ref, in.reasons());
        } else {
            s.liftReason = vault.seal(ref, "not renewed at review: " + in.reasons());
        }
        process.complete(taskId, Map.of("renew", in.renew()));
    }

    /** Process step. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void renew(String ref) {
        CaseFile c = cases.load(ref);
        InterimSuspension s = InterimSuspension.activeFor(c.id).orElseThrow();
        s.renewals++;
        Instant review = Deadlines.due(time.now(), config.suspensionReview());
        letters.tell(c, Party.RESPONDENT, "suspension-renewed", Letters.renewed(new Letters.Renewed(vault.open(ref,
                s.reasons), review)));
    }

    /** Records why an active suspension is about to end (the case concluded); the process then lifts it. */
    @Transactional(Transactional.TxType.MANDATORY)
    void endingBecause(CaseFile c, String reason) {
        InterimSuspension.activeFor(c.id).ifPresent(s -> s.liftReason = vault.seal(c.ref, reason));
    }

    /** Process step: lifts the suspension, for the reason recorded, or because it lapsed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lift(String ref) {
        CaseFile c = cases.load(ref);
        InterimSuspension s = InterimSuspension.activeFor(c.id).orElseThrow();
        s.liftedAt = time.now();
        if (s.liftReason == null) {
            s.liftReason = vault.seal(ref, LAPSED);
        }
        letters.tell(c, Party.RESPONDENT, "suspension-lifted", Letters.lifted(new Letters.Lifted(s.liftedAt,
                vault.open(ref, s.liftReason))));
    }
}
