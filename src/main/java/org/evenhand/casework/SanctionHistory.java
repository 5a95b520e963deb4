package org.evenhand.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.evenhand.casework.rules.LiveSanctions;
import org.evenhand.casework.rules.VoteRules;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.definition.Citations;
import org.evenhand.definition.DefinitionVersion;
import org.evenhand.definition.SanctionLadder;

/**
 * The panel's decision in two steps (decision 0030): a panel member records their findings first;
 * only then are they shown the respondent's live sanctions from other cases, and then they choose
 * the sanction. Findings once recorded are the ones the vote is cast on.
 */
@ApplicationScoped
public class SanctionHistory {

    /** A sanction from another upheld case that has not expired; by case reference only, no names. */
    public record LiveSanction(String ref, String sanction, String title, Integer months, Instant tookEffect) {
    }

    /** Where a panel member is in their decision: their findings, and the live sanctions once those are recorded. */
    public record PanelStep(boolean findingsRecorded, List<Finding> yourFindings, List<LiveSanction> liveSanctions) {
    }

    @Inject
    CaseAccess cases;
    @Inject
    CaseLetters letters;
    @Inject
    Citations citations;
    @Inject
    TimeSource time;

    /** Step one: the member's findings, checked as a vote's are and kept until they choose the sanction. */
    @Transactional
    public PanelStep recordFindings(String ref, String panelMember, Payloads.Findings in) {
        CaseFile c = checkFindings(ref, panelMember, in);
        RecordedFindings f = new RecordedFindings();
        f.caseId = c.id;
        f.bench = PanelSeat.DECISION;
        f.username = panelMember;
        f.findings = List.copyOf(in.findings());
        f.recordedAt = time.now();
        f.persist();
        letters.record(c, panelMember, "findings-recorded", TimelineEntry.Audience.staff,
                "Panel member recorded their findings; the respondent's live sanctions are now shown to them");
        return panelStep(c, panelMember);
    }

    /** Checks findings as {@link #recordFindings} would, recording nothing (decision 0037); the case. */
    @Transactional
    public CaseFile checkFindings(String ref, String panelMember, Payloads.Findings in) {
        CaseFile c = cases.load(ref);
        VoteRules.checkFindings(c.engagedClauses == null ? List.of() : c.engagedClauses, in.findings());
        if (RecordedFindings.of(c.id, PanelSeat.DECISION, panelMember).isPresent()) {
            throw ProblemException.conflict("your findings on case " + ref + " are already recorded; the respondent's"
                    + " live sanctions have been shown to you, so they cannot be changed");
        }
        return c;
    }

    /**
     * The findings a vote is cast on: those recorded in step one; or, with none recorded, those given with
     * the sanction (the member then chose it without seeing any live sanction). Findings given that differ
     * from those recorded are refused: they were recorded before the live sanctions were shown.
     */
    List<Finding> findingsForVote(CaseFile c, String panelMember, List<Finding> given) {
        RecordedFindings recorded = RecordedFindings.of(c.id, PanelSeat.DECISION, panelMember).orElse(null);
        if (recorded == null) {
            if (given == null) {
                throw ProblemException.invalidField("findings", "record your findings on each clause first");
            }
            return given;
        }
        if (given != null && !Objects.equals(List.copyOf(given), recorded.findings)) {
            throw ProblemException.conflict("your findings on case " + c.ref + " were recorded before the live sanctions"
                    + " were shown to you and cannot be changed");
        }
        return recorded.findings;
    }

    /** What this panel member is shown: nothing before findings, the live sanctions after (LiveSanctions.shownTo). */
    PanelStep panelStep(CaseFile c, String panelMember) {
        if (!PanelSeat.members(c.id, PanelSeat.DECISION).contains(panelMember)) {
            return null;
        }
        RecordedFindings recorded = RecordedFindings.of(c.id, PanelSeat.DECISION, panelMember).orElse(null);
        boolean shown = LiveSanctions.shownTo(recorded != null);
        return new PanelStep(recorded != null, recorded == null ? null : recorded.findings, shown ? live(c) : null);
    }

    /**
     * The respondent's sanctions from their other cases still on their record (decision 0031): recorded when
     * each case closed, not lapsed, and not past their end even if the term's timer has yet to run.
     */
    List<LiveSanction> live(CaseFile c) {
        if (c.respondent == null) {
            return List.of();
        }
        Instant now = time.now();
        List<LiveSanction> out = new ArrayList<>();
        for (RecordedSanction s : RecordedSanction.liveFor(c.respondent.id)) {
            if (s.caseId.equals(c.id) || (s.endsAt != null && !now.isBefore(s.endsAt))) {
                continue;
            }
            CaseFile other = CaseFile.findById(s.caseId);
            DefinitionVersion v = citations.version(s.definitionVersion);
            out.add(new LiveSanction(other == null ? null : other.ref, s.sanction, SanctionLadder.of(v).title(s.sanction),
                    s.months, s.takesEffectAt));
        }
        return out;
    }
}
