package org.evenhand.casework;

import static org.evenhand.casework.TimelineEntry.Audience.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evenhand.casework.rules.SanctionOnRecord;
import org.evenhand.common.TimeSource;
import org.evenhand.definition.Citations;
import org.evenhand.definition.DefinitionVersion;
import org.evenhand.definition.SanctionLadder;

/**
 * Sanctions on members' records (decision 0031): when a case closes, the sanction of the decision that
 * stands (the appeal panel's, if there was one) goes on the respondent's record; one with a term is
 * lapsed by the sanction-term process when the term ends, and the member is told.
 */
@ApplicationScoped
public class Sanctions {

    /** The process variable the sanction-term timer waits for. */
    public static final String ENDS = "sanctionEnds";

    @Inject
    CaseAccess cases;
    @Inject
    CaseProcess process;
    @Inject
    CaseLetters letters;
    @Inject
    Citations citations;
    @Inject
    TimeSource time;

    /** A sanction on a record, in words, for the pages and the panel. */
    /**
     * A sanction on a member's record. {@code title} in UK English with its term; the code, the ladder's
     * title and the months let a member's page word it in their language (not on the API).
     */
    public record Standing(String ref, String title, Instant tookEffect, Instant ends, Instant lapsed,
            @JsonIgnore String code, @JsonIgnore String ladderTitle, @JsonIgnore Integer months) {
    }

    /** When a case closes: records the standing decision's sanction, and starts its term if it ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void takeEffect(CaseFile c) {
        Optional<Decision> standing = Decision.of(c.id, PanelSeat.APPEAL).or(() -> Decision.of(c.id, PanelSeat.DECISION));
        if (standing.isEmpty() || !standing.get().upheld || standing.get().sanction == null || c.respondent == null
                || RecordedSanction.ofCase(c.id).isPresent()) {
            return;
        }
        Decision d = standing.get();
        SanctionOnRecord rule = rule(citations.version(d.definitionVersion), d.sanction, d.sanctionMonths);
        if (!rule.isRecorded()) {
            return;
        }
        RecordedSanction s = new RecordedSanction();
        s.caseId = c.id;
        s.memberId = c.respondent.id;
        s.sanction = d.sanction;
        s.rung = rule.rung();
        s.definitionVersion = d.definitionVersion;
        s.months = d.sanctionMonths;
        s.takesEffectAt = time.now();
        s.endsAt = rule.endsAt(s.takesEffectAt).orElse(null);
        s.persist();
        letters.record(c, "process", "sanction-recorded", staff, "Sanction on the respondent's record: "
                + title(s) + (s.endsAt == null ? ", with no end date" : ", until " + LetterWords.date(s.endsAt)));
        if (s.endsAt != null) {
            process.start(CaseProcess.SANCTION_TERM, c.ref, Map.of(ENDS, Date.from(s.endsAt)));
        }
    }

    /** Process step: the sanction's term has ended; it stops counting and the member is told. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lapse(String ref) {
        CaseFile c = cases.load(ref);
        RecordedSanction s = RecordedSanction.ofCase(c.id).orElseThrow();
        if (s.lapsedAt != null) {
            return;
        }
        s.lapsedAt = time.now();
        letters.tell(c, Party.RESPONDENT, "sanction-lapsed", Letters.sanctionLapsed(new Letters.SanctionLapsed(s.sanction,
                SanctionLadder.of(citations.version(s.definitionVersion)).title(s.sanction), s.months, s.takesEffectAt,
                s.endsAt)));
    }

    /** The member's sanctions that still count, oldest first. */
    public List<Standing> liveFor(Long memberId) {
        return RecordedSanction.liveFor(memberId).stream().map(this::standing).toList();
    }

    /** The sanction a case put on the respondent's record, if any, lapsed or not. */
    public Optional<Standing> ofCase(CaseFile c) {
        return RecordedSanction.ofCase(c.id).map(this::standing);
    }

    private Standing standing(RecordedSanction s) {
        CaseFile c = CaseFile.findById(s.caseId);
        return new Standing(c == null ? null : c.ref, title(s), s.takesEffectAt, s.endsAt, s.lapsedAt, s.sanction,
                SanctionLadder.of(citations.version(s.definitionVersion)).title(s.sanction), s.months);
    }

    private String title(RecordedSanction s) {
        String t = SanctionLadder.of(citations.version(s.definitionVersion)).title(s.sanction);
        return s.months == null ? t : t + " for " + LetterWords.months(s.months);
    }

    static SanctionOnRecord rule(DefinitionVersion v, String sanction, Integer months) {
        SanctionLadder ladder = SanctionLadder.of(v);
        Integer expires = ladder.sanction(sanction).map(DefinitionVersion.Sanction::expiresAfterMonths).orElse(null);
        return new SanctionOnRecord(sanction, ladder.rung(sanction), expires, months);
    }
}
