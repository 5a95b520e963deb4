package org.evenhand.casework;

import static org.evenhand.casework.TimelineEntry.Audience.parties;
import static org.evenhand.casework.TimelineEntry.Audience.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.evenhand.common.Problem;
import org.evenhand.common.ProblemException;
import org.evenhand.common.Durations;
import org.evenhand.common.TimeSource;
import org.evenhand.definition.Citations;
import org.evenhand.definition.DefinitionVersion;
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
    static final String NO_ACTION = "no-action";
    static final String SUSPENSION = "suspension";

    @Inject
    CaseService cases;
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

    /** Process step: seats the panel; returns its members, comma-separated, one task each. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String drawPanel(String ref) {
        CaseFile c = cases.load(ref);
        return seat(c, PanelSeat.DECISION, assignment.draw(c, Handler.PANEL, List.of(c.investigator), PANEL_SIZE,
                "a panel"));
    }

    /** Process step: seats the appeal panel, nobody from the first panel or the investigation. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String drawAppealPanel(String ref) {
        CaseFile c = cases.load(ref);
        Set<String> excluded = new HashSet<>(PanelSeat.members(c.id, PanelSeat.DECISION));
        excluded.add(c.investigator);
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
        checkVote(c, v, in.findings(), in.sanction(), in.sanctionMonths(), in.departureReason());
        saveVote(c, PanelSeat.DECISION, panelMember, null, in.findings(), in.sanction(), in.sanctionMonths(),
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
            if (findings == null || findings.isEmpty() || sanction == null || sanction.isBlank()) {
                throw ProblemException.invalidField("findings", "allowing an appeal means recording the findings and"
                        + " sanction the appeal panel substitutes");
            }
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
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Finding f : findings) {
            if (f.clause() == null || !c.engagedClauses.contains(f.clause())) {
                errors.add(new Problem.FieldError("findings", "clause '" + f.clause()
                        + "' was not engaged at triage (engaged: " + String.join(", ", c.engagedClauses) + ")"));
            } else if (!seen.add(f.clause())) {
                errors.add(new Problem.FieldError("findings", "clause '" + f.clause() + "' appears twice"));
            }
        }
        if (errors.isEmpty() && !seen.containsAll(c.engagedClauses)) {
            errors.add(new Problem.FieldError("findings", "give a finding for every engaged clause: "
                    + String.join(", ", c.engagedClauses)));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        DefinitionVersion.Sanction s = v.sanction(sanction).orElseThrow(() -> ProblemException.invalidField("sanction",
                "'" + sanction + "' is not on the sanction ladder of definition " + v.id()));
        List<String> upheld = upheld(findings);
        if (upheld.isEmpty() && !NO_ACTION.equals(sanction)) {
            throw ProblemException.invalidField("sanction", "no clause is upheld, so the only outcome is no-action");
        }
        List<String> allowed = citations.allowedSanctions(v, upheld);
        if (!allowed.contains(sanction) && (departure == null || departure.isBlank())) {
            throw ProblemException.invalidField("sanction", "'" + sanction + "' is outside the ladder for the clauses"
                    + " upheld (allowed: " + String.join(", ", allowed) + "); record in departureReason why the"
                    + " panel departs from it");
        }
        if (SUSPENSION.equals(sanction)) {
            int max = s.maxMonths() == null ? 12 : s.maxMonths();
            if (months == null || months < 1 || months > max) {
                throw ProblemException.invalidField("sanctionMonths", "a suspension is for a fixed term of 1 to " + max
                        + " months");
            }
        } else if (months != null) {
            throw ProblemException.invalidField("sanctionMonths", "only a suspension has a term in months");
        }
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
        Instant due = Durations.after(time.now(), config.appealWindow());
        String text = "The panel has decided your case under version " + d.definitionVersion
                + " of the definition of abuse.\n\n" + findingsText(d) + "\nSanction: " + sanctionText(d)
                + "\n\nThe panel's reasons:\n" + vault.open(c.ref, d.reasons) + "\n\nEither party may appeal by " + CaseLetters.date(due)
                + " on one or more of these grounds: a failure of procedure, a finding no reasonable panel could"
                + " make, or new evidence that was not available before. The appeal is heard by three panel"
                + " members who took no part in this decision.";
        letters.tell(c, Party.COMPLAINANT, "decision", "The panel's decision", text);
        letters.tell(c, Party.RESPONDENT, "decision", "The panel's decision", text);
    }

    /** Either party appeals, on stated grounds, while the appeal window is open. */
    @Transactional
    public void lodgeAppeal(Member member, String ref, Payloads.AppealRequest in) {
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
        letters.record(c, member.username, "appeal-lodged", parties, "The " + party.label() + " appealed on grounds: "
                + String.join(", ", a.grounds));
        letters.tell(c, party.other(), "appeal-lodged", "An appeal has been lodged",
                "The " + party.label() + " has appealed against the panel's decision on these grounds: "
                        + String.join(", ", a.grounds) + ". A new panel of three will hear it.");
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
        boolean allowed = allowing.size() * 2 > votes.size();
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
        String text = (Boolean.TRUE.equals(d.appealAllowed)
                ? "The appeal panel has allowed the appeal and substituted this decision:\n\n" + findingsText(d)
                        + "\nSanction: " + sanctionText(d)
                : "The appeal panel has dismissed the appeal; the panel's decision stands.")
                + "\n\nThe appeal panel's reasons:\n" + vault.open(c.ref, d.reasons) + "\n\nThis is the final stage of the process.";
        letters.tell(c, Party.COMPLAINANT, "appeal-decision", "The outcome of the appeal", text);
        letters.tell(c, Party.RESPONDENT, "appeal-decision", "The outcome of the appeal", text);
    }

    /** Majority on each clause; the median sanction among the votes, kept on the ladder unless a reason was given. */
    Decision tally(CaseFile c, DefinitionVersion v, List<PanelVote> votes, String bench) {
        Decision d = new Decision();
        d.caseId = c.id;
        d.bench = bench;
        d.definitionVersion = v.id();
        d.decidedAt = time.now();
        d.findings = c.engagedClauses.stream().map(clause -> new Finding(clause, votes.stream()
                .filter(x -> x.findings.stream().anyMatch(f -> f.clause().equals(clause) && f.upheld()))
                .count() * 2 > votes.size())).toList();
        List<String> upheld = upheld(d.findings);
        d.upheld = !upheld.isEmpty();
        d.reasons = reasons(c, votes);
        if (!d.upheld) {
            d.sanction = NO_ACTION;
            return d;
        }
        List<PanelVote> byRung = votes.stream()
                .sorted(Comparator.comparingInt(x -> v.sanction(x.sanction).orElseThrow().rung())).toList();
        PanelVote median = byRung.get((byRung.size() - 1) / 2);
        d.sanction = median.sanction;
        List<String> allowed = citations.allowedSanctions(v, upheld);
        List<String> departures = votes.stream().filter(x -> x.sanction.equals(median.sanction) && x.departureReason != null)
                .map(x -> vault.open(c.ref, x.departureReason)).toList();
        if (!allowed.contains(d.sanction) && departures.isEmpty()) {
            int rung = v.sanction(d.sanction).orElseThrow().rung();
            d.sanction = allowed.stream().min(Comparator.comparingInt((String s) -> Math.abs(
                    v.sanction(s).orElseThrow().rung() - rung)).thenComparingInt(s -> v.sanction(s).orElseThrow().rung()))
                    .orElseThrow();
        } else if (!departures.isEmpty() && !allowed.contains(d.sanction)) {
            d.departureReason = vault.seal(c.ref, String.join("\n", departures));
        }
        if (SUSPENSION.equals(d.sanction)) {
            List<Integer> months = votes.stream().filter(x -> SUSPENSION.equals(x.sanction))
                    .map(x -> x.sanctionMonths).sorted().toList();
            d.sanctionMonths = months.isEmpty() ? 1 : months.get((months.size() - 1) / 2);
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
        return findings.stream().filter(Finding::upheld).map(Finding::clause).toList();
    }

    private static String summary(Decision d) {
        return (d.upheld ? "upheld (" + String.join(", ", upheld(d.findings)) + "), " : "not upheld, ") + sanctionText(d);
    }

    private static String findingsText(Decision d) {
        return d.findings.stream().map(f -> "- " + f.clause() + ": " + (f.upheld() ? "upheld" : "not upheld"))
                .collect(Collectors.joining("\n")) + "\n";
    }

    static String sanctionText(Decision d) {
        return d.sanction + (d.sanctionMonths == null ? "" : " for " + d.sanctionMonths + " months");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
