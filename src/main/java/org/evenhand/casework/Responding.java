package org.evenhand.casework;

import static org.evenhand.casework.TimelineEntry.Audience.parties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import org.evenhand.common.Commands;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.crypto.CaseVault;
import org.evenhand.identity.Member;

/** The respondent answering the allegation while the response window is open, or the window closing unanswered. */
@ApplicationScoped
public class Responding {

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

    /** The respondent answers the allegation; only while the response window is open. */
    @Transactional
    public void respond(Member member, String ref, Payloads.Response in) {
        CaseFile c = respondentsCase(member, ref, in);
        c.responseStatement = vault.seal(c.ref, in.statement());
        c.respondedAt = time.now();
        letters.record(c, member.username, "responded", parties, "The respondent sent their response");
        if (!process.deliver(ref, "ResponseReceived", Map.of())) {
            throw windowClosed(ref);
        }
    }

    /**
     * Checks a response as {@link #respond} does, storing nothing and sending nothing to the process: the
     * check page the respondent reads before sending it (decision 0037).
     */
    @Transactional
    public void check(Member member, String ref, Payloads.Response in) {
        respondentsCase(member, ref, in);
        if (process.activeSteps(ref).stream().noneMatch(TaskKind.AWAIT_RESPONSE::is)) {
            throw windowClosed(ref);
        }
    }

    /** Whether this member is the respondent on the case and has responded (a response sent twice finds it sent). */
    @Transactional
    public boolean hasResponded(Member member, String ref) {
        CaseFile c = cases.visibleTo(member, ref);
        return c.partyOf(member) == Party.RESPONDENT && c.respondedAt != null;
    }

    private CaseFile respondentsCase(Member member, String ref, Payloads.Response in) {
        commands.check(in);
        cases.serialise(ref); // the same response sent twice at once: the second finds the window closed
        CaseFile c = cases.visibleTo(member, ref);
        if (c.partyOf(member) != Party.RESPONDENT) {
            throw ProblemException.forbidden("only the respondent can respond to the allegation");
        }
        return c;
    }

    private static ProblemException windowClosed(String ref) {
        return ProblemException.conflict("the response window for " + ref + " is not open");
    }

    /** Process step: the response window closed without a response. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordNoResponse(String ref) {
        CaseFile c = cases.load(ref);
        letters.record(c, "process", "no-response", parties,
                "The response window closed without a response; the case moves to investigation");
    }
}
