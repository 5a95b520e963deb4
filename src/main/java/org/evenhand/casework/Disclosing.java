package org.evenhand.casework;

import static org.evenhand.casework.TimelineEntry.Audience.parties;
import static org.evenhand.casework.TimelineEntry.Audience.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.evenhand.casework.rules.CommentWindow;
import org.evenhand.casework.rules.Deadlines;
import org.evenhand.common.Commands;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.crypto.CaseVault;
import org.evenhand.identity.Member;

/**
 * Disclosure and answer (decision 0030): before the panel sits, both parties are sent the
 * investigation report and each member who is a party may comment on it once while the comment
 * window is open; the comments go to the panel. The window closes when its time is up, or as soon
 * as every party has commented.
 */
@ApplicationScoped
public class Disclosing {

    /** The message that ends the window early, once every party has commented. */
    static final String COMMENTS_IN = "CommentsIn";

    @Inject
    ComplainantIdentity identity;
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

    /** Process step: the report goes to both parties, with the day their window to comment closes. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void discloseReport(String ref, String window) {
        CaseFile c = cases.load(ref);
        Instant now = time.now();
        Instant closes = Deadlines.due(now, window);
        c.reportDisclosedAt = now;
        letters.record(c, "process", "report-disclosed", staff,
                "Investigation report disclosed to both parties; comments close on " + LetterWords.date(closes));
        letters.tell(c, Party.COMPLAINANT, "report-disclosed", Letters.reportReady(new Letters.ReportReady(false, true, closes)));
        letters.tell(c, Party.RESPONDENT, "report-disclosed", Letters.reportReady(new Letters.ReportReady(true, identity.nameForRespondent(c) != null, closes)));
    }

    /** A party comments on the report, once, while the window is open; the comment goes to the panel. */
    @Transactional
    public void comment(Member member, String ref, Payloads.ReportCommentRequest in) {
        commands.check(in);
        CaseFile c = cases.visibleTo(member, ref);
        Party party = c.partyOf(member);
        if (!CommentWindow.isOpen(TaskKind.COMMENT_WINDOW.is(c.stage), c.stageDue, time.now())) {
            throw ProblemException.conflict("the time to comment on the investigation report on case " + ref
                    + " is not open");
        }
        if (ReportComment.by(c.id, member.id).isPresent()) {
            throw ProblemException.conflict("you have already commented on the investigation report on case " + ref);
        }
        ReportComment rc = new ReportComment();
        rc.caseId = c.id;
        rc.memberId = member.id;
        rc.party = party.label();
        rc.statement = vault.seal(c.ref, in.comment());
        rc.commentedAt = time.now();
        rc.persist();
        letters.record(c, member.username, "report-comment", parties,
                "The " + party.label() + " commented on the investigation report; the comment goes to the panel");
        Set<Long> commented = ReportComment.of(c.id).stream().map(x -> x.memberId).collect(Collectors.toSet());
        if (CommentWindow.everyoneHasCommented(partyMembers(c), commented)
                && !process.deliver(ref, COMMENTS_IN, Map.of())) {
            throw ProblemException.conflict("the time to comment on the investigation report on case " + ref
                    + " is not open");
        }
    }

    /** Every member who is a party: the first complainant, those who joined, the respondent. */
    static List<Long> partyMembers(CaseFile c) {
        List<Long> out = new ArrayList<>();
        if (c.complainant != null) {
            out.add(c.complainant.id);
        }
        JoinedComplainant.<JoinedComplainant>list("caseId = ?1 and memberId is not null", c.id)
                .forEach(j -> out.add(j.memberId));
        if (c.respondent != null) {
            out.add(c.respondent.id);
        }
        return out;
    }
}
