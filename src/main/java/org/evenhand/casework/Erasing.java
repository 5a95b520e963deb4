package org.evenhand.casework;

import static org.evenhand.casework.TimelineEntry.Audience.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.evenhand.common.TimeSource;
import org.evenhand.crypto.CaseVault;
import org.evenhand.identity.Member;

/**
 * Destroying or anonymising a case, for privacy (retention and erasure): privacy decides when,
 * casework changes its own records. Destroying shreds the case's key, so nothing sealed under it
 * can be read again; anonymising does that and removes the links to the members.
 */
@ApplicationScoped
public class Erasing {

    public static final String DESTROY = "destroy";
    public static final String ANONYMISE = "anonymise";

    @Inject
    CaseVault vault;
    @Inject
    PileOns pileOns;
    @Inject
    CaseLetters letters;
    @Inject
    TimeSource time;

    /** Records what the case's retention will do and when. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void scheduleRetention(CaseFile c, String action, Instant dueAt) {
        if (!DESTROY.equals(action) && !ANONYMISE.equals(action)) {
            throw new IllegalArgumentException("no retention action " + action);
        }
        c.retentionAction = action;
        c.retentionDueAt = dueAt;
    }

    /** At the end of its retention: the case's text destroyed (its key shredded), and, if upheld, anonymised. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyRetention(CaseFile c) {
        boolean anonymise = ANONYMISE.equals(c.retentionAction);
        letters.record(c, "process", "retention-applied", staff, "Retention applied: " + c.retentionAction);
        vault.shred(c.ref);
        pileOns.forget(c); // the post's fingerprints name the respondent and are needed only while complaints can join
        c.erasedAt = time.now();
        c.erasedReason = "retention: " + (anonymise ? "anonymised" : "evidence and case text destroyed");
        if (anonymise) {
            // the messages' text went with the key; their threads no longer name anyone
            CaseMessage.update("memberId = null where caseId = ?1", c.id);
            c.complainant = null;
            c.respondent = null;
            for (JoinedComplainant j : JoinedComplainant.ofCase(c.id)) {
                j.memberId = null;
            }
        }
    }

    /** On an approved erasure request by a party: the case's text destroyed and that party's link to it removed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void eraseForParty(CaseFile c, Member m, String actor, String reason) {
        letters.record(c, actor, "erased", staff, "Erased on the request of a party");
        vault.shred(c.ref);
        c.erasedAt = time.now();
        c.erasedReason = reason;
        CaseMessage.update("memberId = null where caseId = ?1 and memberId = ?2", c.id, m.id);
        if (c.complainant != null && c.complainant.id.equals(m.id)) {
            c.complainant = null;
        } else {
            c.respondent = null;
        }
    }

    /** On an approved erasure request by a complainant who joined the case: only their own complaint goes. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void eraseJoinedComplaint(CaseFile c, JoinedComplainant j, String actor) {
        // their messages are theirs alone and sealed under a key the case keeps: deleted outright
        if (j.memberId != null) {
            CaseMessage.delete("caseId = ?1 and memberId = ?2", c.id, j.memberId);
        }
        j.allegation = null;
        j.conductLink = null;
        j.memberId = null;
        j.erasedAt = time.now();
        letters.record(c, actor, "erased", staff, "A joined complainant's own complaint and evidence erased on"
                + " their request");
    }
}
