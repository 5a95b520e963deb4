package org.evenhand.casework;

import static org.evenhand.casework.TimelineEntry.Audience.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import org.evenhand.casework.rules.Withdrawal;
import org.evenhand.common.Commands;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.crypto.CaseVault;
import org.evenhand.identity.Member;

/**
 * A complainant withdrawing their complaint before the panel decides (decision 0031). One complainant
 * of several withdraws only their own part; the last one standing ends the case, through the process
 * (the "complaint withdrawn" event on the handling of the complaint), and both parties are told.
 */
@ApplicationScoped
public class Withdrawing {

    /** The message that ends the handling of a complaint. */
    public static final String MESSAGE = "ComplaintWithdrawn";

    @Inject
    CaseAccess cases;
    @Inject
    CaseProcess process;
    @Inject
    CaseLetters letters;
    @Inject
    TimeSource time;
    @Inject
    CaseVault vault;
    @Inject
    Commands commands;
    @Inject
    jakarta.enterprise.inject.Instance<SuspensionService> suspensions;
    @Inject
    jakarta.enterprise.event.Event<CaseConcluded> concluded;

    /** What a complainant is told their withdrawal will do, before they confirm it. */
    public Withdrawal.Effect effectFor(Member member, String ref) {
        CaseFile c = cases.visibleTo(member, ref);
        return effect(c, member);
    }

    /** Whether this member has withdrawn their complaint on the case (a withdrawal sent twice finds it done). */
    @Transactional
    public boolean hasWithdrawn(Member member, String ref) {
        CaseFile c = cases.visibleTo(member, ref);
        if (c.partyOf(member) != Party.COMPLAINANT) {
            return false;
        }
        return c.isLeadComplainant(member) ? c.complainantWithdrawnAt != null
                : JoinedComplainant.of(c.id, member.id).map(j -> j.withdrawnAt != null).orElse(false);
    }

    @Transactional
    public Withdrawal.Effect withdraw(Member member, String ref, Payloads.Withdrawal in) {
        commands.check(in);
        cases.serialise(ref); // the same withdrawal sent twice at once: the second finds it done
        CaseFile c = cases.visibleTo(member, ref);
        if (c.partyOf(member) != Party.COMPLAINANT) {
            throw ProblemException.forbidden("only a complainant can withdraw a complaint");
        }
        Withdrawal.Effect effect = effect(c, member);
        if (effect == Withdrawal.Effect.REFUSED) {
            throw ProblemException.conflict("the complaint on " + ref
                    + " can no longer be withdrawn: the panel has decided, the case has ended, or you withdrew already");
        }
        Instant now = time.now();
        String reason = in.reason() == null || in.reason().isBlank() ? null : vault.seal(c.ref, in.reason().strip());
        JoinedComplainant joined = c.isLeadComplainant(member) ? null : JoinedComplainant.of(c.id, member.id).orElseThrow();
        if (joined != null) {
            joined.withdrawnAt = now;
        } else {
            c.complainantWithdrawnAt = now;
            c.withdrawalReason = reason;
        }
        if (effect == Withdrawal.Effect.ENDS_OWN_PART) {
            letters.record(c, member.username, "complainant-withdrew", staff, "A complainant withdrew their part"
                    + " of the complaint; " + othersStanding(c, member) + " still stand behind it"
                    + (reason == null ? "" : ". Reason: " + in.reason().strip()));
            letters.tellMember(c, member, Party.COMPLAINANT, "withdrew-own-part",
                    Letters.ownPartWithdrawn(new Letters.OwnPartWithdrawn(now, othersStanding(c, member))));
            return effect;
        }
        letters.record(c, member.username, "complaint-withdrawn", staff, "The complainant withdrew the complaint"
                + (reason == null ? "" : ". Reason: " + in.reason().strip()));
        letters.tellMember(c, member, Party.COMPLAINANT, "withdrawn",
                Letters.withdrawn(new Letters.Withdrawn(false, now)));
        if (!process.deliver(ref, MESSAGE, Map.of())) {
            throw ProblemException.conflict("the complaint on " + ref + " cannot be withdrawn at this moment: it is"
                    + " still being registered, or the panel has just decided; try again in a minute");
        }
        return effect;
    }

    /**
     * Process step: the handling was ended by the withdrawal; the case closes and the respondent, if the
     * allegation was put to them, is told (the complainant was told as they withdrew).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void closeWithdrawn(String ref) {
        CaseFile c = cases.load(ref);
        c.status = CaseFile.Status.WITHDRAWN;
        c.outcome = CaseFile.Outcome.WITHDRAWN;
        c.closedAt = time.now();
        letters.record(c, "process", "closed-withdrawn", TimelineEntry.Audience.parties,
                "The complaint was withdrawn; the case is closed");
        if (c.respondentNotifiedAt != null) {
            letters.tell(c, Party.RESPONDENT, "withdrawn", Letters.withdrawn(new Letters.Withdrawn(true, c.closedAt)));
        }
        concluded.fire(new CaseConcluded(c.ref, c.id, c.outcome, c.closedAt));
        suspensions.get().endingBecause(c, "the complaint was withdrawn");
        process.deliver(ref, "CaseConcluded", Map.of());
    }

    static Withdrawal.Effect effect(CaseFile c, Member member) {
        return effect(c, member, c.partyOf(member));
    }

    /**
     * What this member's withdrawal would do, their party already known. It is asked on every view of a
     * complainant's case, so a decided or ended case costs no query, and the others standing are counted,
     * not loaded (a pile-on may have thousands).
     */
    static Withdrawal.Effect effect(CaseFile c, Member member, Party party) {
        if (party != Party.COMPLAINANT) {
            return Withdrawal.Effect.REFUSED;
        }
        boolean decided = !c.status.isLive() || c.outcome != null;
        if (decided) {
            return Withdrawal.of(true, false, 0);
        }
        boolean withdrew = c.isLeadComplainant(member) ? c.complainantWithdrawnAt != null
                : JoinedComplainant.of(c.id, member.id).map(j -> j.withdrawnAt != null).orElse(true);
        return Withdrawal.of(false, withdrew, othersStanding(c, member));
    }

    /** Complainants other than this member who have not withdrawn (nor been erased). */
    static int othersStanding(CaseFile c, Member member) {
        int lead = c.complainant != null && !c.isLeadComplainant(member) && c.complainantWithdrawnAt == null ? 1 : 0;
        long joined = JoinedComplainant.count("caseId = ?1 and withdrawnAt is null and erasedAt is null"
                + " and memberId is not null and memberId <> ?2", c.id, member.id);
        return lead + (int) joined;
    }
}
