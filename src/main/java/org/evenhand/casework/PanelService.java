package org.evenhand.casework;

import static org.evenhand.casework.TimelineEntry.Audience.parties;
import static org.evenhand.casework.TimelineEntry.Audience.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.evenhand.common.Commands;
import org.evenhand.common.ProblemException;
import org.evenhand.casework.rules.Deadlines;
import org.evenhand.casework.rules.Eligibility;
import org.evenhand.casework.rules.PanelTally;
import org.evenhand.casework.rules.VoteRules;
import org.evenhand.common.TimeSource;
import org.evenhand.definition.Citations;
import org.evenhand.definition.DefinitionVersion;
import org.evenhand.definition.SanctionLadder;
import org.evenhand.identity.Handler;
import org.evenhand.identity.Member;
import org.evenhand.crypto.CaseVault;

/**
 * Panels of three drawn at random from eligible panel members; each member records findings
 * per clause, a sanction from the ladder and reasons; the panel's decision is the majority on
 * each clause and the median sanction. The appeal is heard by three who sat on neither the
 * panel nor the investigation.
 */
@ApplicationScoped
public class PanelService {

    static final int PANEL_SIZE = 3;

    @Inject
    LetterRenderer renderer;
    @Inject
    CaseAccess cases;
    @Inject
    CaseLetters letters;
    @Inject
    CaseProcess process;
    @Inject
    Citations citations;
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
    @Inject
    SanctionHistory history;

    /** Process step: seats the panel; returns its members, comma-separated, one task each. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String drawPanel(String ref) {
        CaseFile c = cases.load(ref);
        return seat(c, PanelSeat.DECISION, assignment.draw(c, Handler.PANEL,
                Eligibility.excludedFromPanel(c.investigator), PANEL_SIZE, "a panel"));
    }

    /** Process step: seats the appeal panel, nobody from the first panel or the investigation. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String drawAppealPanel(String ref) {
        CaseFile c = cases.load(ref);
        Set<String> excluded = Eligibility.excludedFromAppeal(c.investigator, PanelSeat.members(c.id, PanelSeat.DECISION));
        return seat(c, PanelSeat.APPEAL, assignment.draw(c, Handler.PANEL, excluded, PANEL_SIZE, "an appeal panel"));
    }

    private String seat(CaseFile c, String bench, List<String> members) {
        Instant now = time.now();
        for (String m : members) {
            PanelSeat s = new PanelSeat();
            s.caseId = c.id;
            s.bench = bench;
            s.username = m;
            s.drawnAt = now;
            s.persist();
        }
        letters.record(c, "process", bench + "-panel-drawn", staff,
                (bench.equals(PanelSeat.APPEAL) ? "Appeal panel" : "Panel") + " drawn at random: " + String.join(", ", members));
        return String.join(",", members);
    }

    @Transactional
    public void vote(String taskId, String ref, String panelMember, Payloads.Vote in) {
        CaseFile c = cases.load(ref);
        DefinitionVersion v = citations.version(c.definitionVersion);
        List<Finding> findings = history.findingsForVote(c, panelMember, in.findings());
        checkVote(c, v, findings, in.sanction(), in.sanctionMonths(), in.departureReason());
        saveVote(c, PanelSeat.DECISION, panelMember, null, findings, in.sanction(), in.sanctionMonths(),
                in.departureReason(), in.reasons());
        process.complete(taskId, Map.of());
    }

    @Transactional
    public void appealVote(String taskId, String ref, String panelMember, Payloads.AppealVote in) {
        CaseFile c = cases.load(ref);
        DefinitionVersion v = citations.version(c.definitionVersion);
        List<Finding> findings = in.findings();
        String sanction = in.sanction();
        if (in.allow()) {
            // that allowing it needs findings and a sanction is the payload's own rule (Payloads.AppealVote)
            checkVote(c, v, findings, sanction, in.sanctionMonths(), in.departureReason());
        } else {
            Decision first = Decision.of(c.id, PanelSeat.DECISION).orElseThrow();
            findings = first.findings;
            sanction = first.sanction;
        }
        saveVote(c, PanelSeat.APPEAL, panelMember, in.allow(), findings, sanction,
                in.allow() ? in.sanctionMonths() : null, in.departureReason(), in.reasons());
        process.complete(taskId, Map.of());
    }

    /** Checks a vote exactly as {@link #vote} would, storing nothing (decision 0037). */
    @Transactional
    public void checkVote(String ref, String panelMember, Payloads.Vote in) {
        CaseFile c = cases.load(ref);
        checkVote(c, citations.version(c.definitionVersion), history.findingsForVote(c, panelMember, in.findings()),
                in.sanction(), in.sanctionMonths(), in.departureReason());
    }

    /** Checks an appeal panel member's vote exactly as {@link #appealVote} would, storing nothing (decision 0037). */
    @Transactional
    public void checkAppealVote(String ref, Payloads.AppealVote in) {
        CaseFile c = cases.load(ref);
        if (in.allow()) {
            checkVote(c, citations.version(c.definitionVersion), in.findings(), in.sanction(), in.sanctionMonths(),
                    in.departureReason());
        }
    }

    private void saveVote(CaseFile c, String bench, String member, Boolean allow, List<Finding> findings,
            String sanction, Integer months, String departure, String reasons) {
        PanelVote vote = new PanelVote();
        vote.caseId = c.id;
        vote.bench = bench;
        vote.username = member;
        vote.allowAppeal = allow;
        vote.findings = List.copyOf(findings);
        vote.sanction = sanction;
        vote.sanctionMonths = months;
        vote.departureReason = vault.seal(c.ref, blankToNull(departure));
        vote.reasons = vault.seal(c.ref, reasons);
        vote.castAt = time.now();
        vote.persist();
        letters.record(c, member, bench + "-vote", staff, "Panel member recorded their findings");
    }

    /** A sanction must be on the ladder for the gravest clause upheld, or carry a recorded reason for departing. */
    void checkVote(CaseFile c, DefinitionVersion v, List<Finding> findings, String sanction, Integer months,
            String departure) {
        VoteRules.check(c.engagedClauses, SanctionLadder.of(v), findings, sanction, months, departure);
    }

    /** Process step: turns the three votes into the panel's decision. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordDecision(String ref) {
        CaseFile c = cases.load(ref);
        DefinitionVersion v = citations.version(c.definitionVersion);
        Decision d = tally(c, v, PanelVote.of(c.id, PanelSeat.DECISION), PanelSeat.DECISION);
        d.persist();
        c.outcome = d.upheld ? CaseFile.Outcome.UPHELD : CaseFile.Outcome.NOT_UPHELD;
        letters.record(c, "process", "decided", staff, "Panel decision recorded: " + summary(d));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void notifyDecision(String ref) {
        CaseFile c = cases.load(ref);
        Decision d = Decision.of(c.id, PanelSeat.DECISION).orElseThrow();
        DefinitionVersion v = citations.version(d.definitionVersion);
        Instant due = Deadlines.due(time.now(), config.appealWindow());
        Letters.PanelDecision letter = new Letters.PanelDecision(d.definitionVersion,
                Letters.findings(v, d.findings, DecisionSplits.of(d).findings()),
                Letters.sanction(v, d.sanction, d.sanctionMonths), vault.open(c.ref, d.reasons), due);
        letters.tell(c, Party.COMPLAINANT, "decision", Letters.decision(letter));
        letters.tell(c, Party.RESPONDENT, "decision", Letters.decision(letter));
    }

    /** Either party appeals, on stated grounds, while the appeal window is open. */
    @Transactional
    public void lodgeAppeal(Member member, String ref, Payloads.AppealRequest in) {
        commands.check(in);
        CaseFile c = cases.visibleTo(member, ref);
        Party party = c.partyOf(member);
        if (Appeal.findById(c.id) != null) {
            throw ProblemException.conflict("an appeal has already been lodged on " + ref);
        }
        Appeal a = new Appeal();
        a.caseId = c.id;
        a.lodgedBy = member.id;
        a.party = party.label();
        a.grounds = in.grounds().stream().map(g -> g.name().toLowerCase().replace('_', '-')).distinct().toList();
        a.statement = vault.seal(c.ref, in.statement());
        a.lodgedAt = time.now();
        a.persist();
        Letters.AppealLodged lodged = new Letters.AppealLodged(party.label(), a.grounds);
        // the timeline entry both parties see says what the letter to the other party says, grounds in words
        letters.record(c, member.username, "appeal-lodged", parties,
                renderer.render(Letters.appealLodged(lodged), java.util.Locale.UK).letter().body());
        letters.tell(c, party.other(), "appeal-lodged", Letters.appealLodged(lodged));
        if (!process.deliver(ref, "AppealLodged", Map.of())) {
            throw ProblemException.conflict("the appeal window for " + ref + " is not open");
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAppealOutcome(String ref) {
        CaseFile c = cases.load(ref);
        DefinitionVersion v = citations.version(c.definitionVersion);
        List<PanelVote> votes = PanelVote.of(c.id, PanelSeat.APPEAL);
        List<PanelVote> allowing = votes.stream().filter(x -> Boolean.TRUE.equals(x.allowAppeal)).toList();
        boolean allowed = PanelTally.appealAllowed(allowing.size(), votes.size());
        Decision d;
        if (allowed) {
            d = tally(c, v, allowing, PanelSeat.APPEAL);
            d.reasons = reasons(c, votes);
        } else {
            Decision first = Decision.of(c.id, PanelSeat.DECISION).orElseThrow();
            d = copyOf(first, PanelSeat.APPEAL, reasons(c, votes));
        }
        d.appealAllowed = allowed;
        d.persist();
        c.outcome = d.upheld ? CaseFile.Outcome.UPHELD : CaseFile.Outcome.NOT_UPHELD;
        letters.record(c, "process", "appeal-decided", staff, "Appeal " + (allowed ? "allowed: " : "dismissed: ")
                + summary(d));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void notifyAppealOutcome(String ref) {
        CaseFile c = cases.load(ref);
        Decision d = Decision.of(c.id, PanelSeat.APPEAL).orElseThrow();
        DefinitionVersion v = citations.version(d.definitionVersion);
        boolean allowed = Boolean.TRUE.equals(d.appealAllowed);
        DecisionSplits splits = DecisionSplits.of(d);
        Letters.AppealDecision letter = new Letters.AppealDecision(allowed, splits.appeal(),
                allowed ? Letters.findings(v, d.findings, splits.findings()) : List.of(),
                allowed ? Letters.sanction(v, d.sanction, d.sanctionMonths) : null, vault.open(c.ref, d.reasons));
        letters.tell(c, Party.COMPLAINANT, "appeal-decision", Letters.appealDecision(letter));
        letters.tell(c, Party.RESPONDENT, "appeal-decision", Letters.appealDecision(letter));
    }

    /** Majority on each clause; the median sanction among the votes, kept on the ladder unless a reason was given (PanelTally). */
    Decision tally(CaseFile c, DefinitionVersion v, List<PanelVote> votes, String bench) {
        List<PanelTally.Ballot> ballots = votes.stream().map(x -> new PanelTally.Ballot(x.findings, x.sanction,
                x.sanctionMonths, x.departureReason == null ? null : vault.open(c.ref, x.departureReason))).toList();
        PanelTally.Result r = PanelTally.tally(c.engagedClauses, SanctionLadder.of(v), ballots);
        Decision d = new Decision();
        d.caseId = c.id;
        d.bench = bench;
        d.definitionVersion = v.id();
        d.decidedAt = time.now();
        d.findings = r.findings();
        d.upheld = r.upheld();
        d.reasons = reasons(c, votes);
        d.sanction = r.sanction();
        d.sanctionMonths = r.months();
        if (!r.departureReasons().isEmpty()) {
            d.departureReason = vault.seal(c.ref, String.join("\n", r.departureReasons()));
        }
        return d;
    }

    private Decision copyOf(Decision first, String bench, String reasons) {
        Decision d = new Decision();
        d.caseId = first.caseId;
        d.bench = bench;
        d.definitionVersion = first.definitionVersion;
        d.findings = first.findings;
        d.upheld = first.upheld;
        d.sanction = first.sanction;
        d.sanctionMonths = first.sanctionMonths;
        d.departureReason = first.departureReason;
        d.reasons = reasons;
        d.decidedAt = time.now();
        return d;
    }

    /** The members' reasons, labelled by seat not name, sealed under the case's key. */
    private String reasons(CaseFile c, List<PanelVote> votes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < votes.size(); i++) {
            sb.append(i == 0 ? "" : "\n\n").append("Panel member ").append(i + 1).append(": ")
                    .append(vault.open(c.ref, votes.get(i).reasons));
        }
        return vault.seal(c.ref, sb.toString());
    }

    private static List<String> upheld(List<Finding> findings) {
        return PanelTally.upheld(findings);
    }

    private static String summary(Decision d) {
        return (d.upheld ? "upheld (" + String.join(", ", upheld(d.findings)) + "), " : "not upheld, ") + sanctionText(d);
    }

    static String sanctionText(Decision d) {
        return d.sanction + (d.sanctionMonths == null ? "" : " for " + d.sanctionMonths + " months");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
