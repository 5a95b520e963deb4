package org.evenhand.casework;

import static org.evenhand.casework.TimelineEntry.Audience.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.evenhand.casework.rules.SuspensionTerm;
import org.evenhand.common.Commands;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.identity.Handler;
import org.evenhand.crypto.CaseVault;

/**
 * Interim suspension: a protective measure while a case is open, never a sanction. It needs
 * written reasons, is reviewed when its review date comes, and lapses then unless a
 * caseworker renews it with fresh reasons. Renewals are counted and never carry it past its
 * maximum length ({@link SuspensionTerm}); at the maximum it lapses and cannot be renewed. It
 * is lifted when the case concludes. Reasons are kept sealed on the suspension record; the
 * process only carries the decision to renew and when the current term ends.
 */
@ApplicationScoped
public class SuspensionService {

    static final String LAPSED = "the review date passed without renewal";
    static final String REACHED_MAXIMUM = "it reached its maximum length";
    /** The process variable the review timer waits for: when the current term ends. */
    public static final String ENDS = "suspensionEnds";

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
        s.endsAt = term(s).firstEnd();
        s.persist();
        List<String> pool = assignment.eligible(c, Handler.CASEWORKER, List.of());
        process.start(CaseProcess.SUSPENSION, ref, Map.of("reviewPool", String.join(",", pool),
                "suspensionReview", config.suspensionReview(), ENDS, Date.from(s.endsAt)));
    }

    /** Process step: tells the respondent. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void impose(String ref) {
        CaseFile c = cases.load(ref);
        InterimSuspension s = InterimSuspension.activeFor(c.id).orElseThrow();
        Instant review = s.endsAt;
        letters.record(c, s.imposedBy, "suspension-imposed", staff, "Interim suspension imposed. Reasons: "
                + vault.open(ref, s.reasons));
        letters.tell(c, Party.RESPONDENT, "suspension", Letters.suspended(new Letters.Suspended(vault.open(ref,
                s.reasons), review)));
    }

    @Transactional
    public void review(String taskId, String ref, String caseworker, Payloads.SuspensionReview in) {
        CaseFile c = cases.load(ref);
        InterimSuspension s = reviewed(c, in);
        letters.record(c, caseworker, "suspension-reviewed", staff, (in.renew() ? "Renewed" : "Not renewed")
                + " at review. Reasons: " + in.reasons());
        if (in.renew()) {
            s.reasons = vault.seal(ref, in.reasons());
        } else {
            s.liftReason = vault.seal(ref, "not renewed at review: " + in.reasons());
        }
        process.complete(taskId, Map.of("renew", in.renew()));
    }

    /** Checks a review as {@link #review} would, storing nothing (decision 0037). */
    @Transactional
    public void checkReview(String ref, Payloads.SuspensionReview in) {
        reviewed(cases.load(ref), in);
    }

    /** The suspension under review; a renewal past its maximum length is refused. */
    private InterimSuspension reviewed(CaseFile c, Payloads.SuspensionReview in) {
        InterimSuspension s = InterimSuspension.activeFor(c.id).orElseThrow();
        Instant end = s.endsAt != null ? s.endsAt : term(s).termFrom(time.now());
        if (in.renew() && !term(s).mayRenew(end, time.now())) {
            throw ProblemException.conflict(MessageFormat.format(ResourceBundle.getBundle("ValidationMessages",
                    Locale.UK).getString("casework.review.maximum"), LetterWords.date(end)));
        }
        return s;
    }

    /** Process step: counts the renewal and starts a new term; returns when it ends, for the review timer. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Instant renew(String ref) {
        CaseFile c = cases.load(ref);
        InterimSuspension s = InterimSuspension.activeFor(c.id).orElseThrow();
        s.renewals++;
        SuspensionTerm term = term(s);
        s.endsAt = term.termFrom(time.now());
        boolean last = term.reachesMaximum(s.endsAt);
        letters.record(c, s.imposedBy, "suspension-renewed", staff, "Renewal " + s.renewals + " of the interim"
                + " suspension; it now ends on " + LetterWords.date(s.endsAt) + (last ? ", its maximum length." : "."));
        letters.tell(c, Party.RESPONDENT, "suspension-renewed", Letters.renewed(new Letters.Renewed(vault.open(ref,
                s.reasons), s.endsAt, last)));
        return s.endsAt;
    }

    private SuspensionTerm term(InterimSuspension s) {
        return new SuspensionTerm(s.imposedAt, config.suspensionReview(), config.suspensionMax());
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
        if (s.liftReason == null && term(s).reachesMaximum(s.liftedAt)) {
            s.liftReason = vault.seal(ref, REACHED_MAXIMUM);
            letters.record(c, s.imposedBy, "suspension-lapsed", staff, "Interim suspension lapsed: it reached its"
                    + " maximum length after " + s.renewals + " renewal" + (s.renewals == 1 ? "" : "s") + ".");
            letters.tell(c, Party.RESPONDENT, "suspension-lifted", Letters.reachedMaximum(new Letters.ReachedMaximum(
                    s.imposedAt, s.liftedAt)));
            return;
        }
        if (s.liftReason == null) {
            s.liftReason = vault.seal(ref, LAPSED);
        }
        letters.tell(c, Party.RESPONDENT, "suspension-lifted", Letters.lifted(new Letters.Lifted(s.liftedAt,
                vault.open(ref, s.liftReason))));
    }
}
