package org.evenhand.casework;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.evenhand.definition.DefinitionVersion;
import org.evenhand.casework.rules.PanelTally;
import org.evenhand.definition.SanctionLadder;

/**
 * Every letter casework sends a party: one template per kind in templates/letters, each fed its
 * typed model. A template's first line is the letter's subject; the body follows a blank line. The
 * words are message bundles (LetterTexts, NoticeTexts, CaseLabels), so a letter is rendered in its
 * recipient's language (CaseLetters, decision 0036): dates, sanctions and grounds reach the template as
 * values and codes, which it words; clauses by their titles in the published definition.
 */
@CheckedTemplate(basePath = "letters")
public class Letters {

    /** A clause as a letter names it: by its title. */
    public record ClauseLine(String id, String title) {
    }

    /** A finding on one clause, by the clause's title. */
    public record FindingLine(String title, boolean upheld, PanelTally.Split split) {
    }

    /** A sanction: its code and title on the ladder and, for a suspension, its term (labels:sanctionFor words it). */
    public record SanctionWords(String code, String title, Integer months, boolean noAction) {

        /** In UK English: "Suspension for 6 months". */
        @Override
        public String toString() {
            return months == null ? title : title + " for " + LetterWords.months(months);
        }
    }

    /** {@code anonymityAsked}: the complainant asked for their name to be kept from the respondent (decision 0029). */
    public record Acknowledged(String respondentName, String version, boolean anonymityAsked) {

        public Acknowledged(String respondentName, String version) {
            this(respondentName, version, false);
        }
    }

    public record Joined(String respondentName, String version) {
    }

    public record Dismissed(String version, String reasons) {
    }

    /**
     * {@code complainant}: the first complainant's name, or null when it is kept from the respondent
     * (anonymity granted, decision 0029); {@code othersJoined}: how many more complained about the
     * same conduct, never who.
     */
    public record Allegation(LocalDate conductDate, String version, List<ClauseLine> clauses, String allegation,
            String complainant, int othersJoined, Instant due) {
    }

    public record Accepted(List<ClauseLine> clauses, Instant due) {
    }

    /** {@code again}: the case had been triaged already; otherwise triage goes on without the withdrawn item. */
    public record BackToTriage(boolean toRespondent, boolean again) {
    }

    /**
     * A reminder before a party's window closes (decision 0035). {@code what}: respond, comment or
     * appeal; {@code due}: when the window closes.
     */
    public record Reminder(String what, Instant due) {
    }

    /**
     * To the first complainant at triage, when the complaint goes ahead: whether the respondent will be
     * told their name. {@code asked}: they asked for anonymity; {@code granted}: it was granted;
     * {@code reasons}: the caseworker's (only when asked).
     */
    public record NameShared(String respondentName, boolean asked, boolean granted, String reasons) {
    }

    public record Suspended(String reasons, Instant review) {
    }

    /** {@code last}: this term reaches the suspension's maximum length, so it ends then and cannot be renewed. */
    public record Renewed(String reasons, Instant review, boolean last) {
    }

    public record ReachedMaximum(Instant imposedAt, Instant endedAt) {
    }

    public record Lifted(Instant liftedAt, String reason) {
    }

    public record PanelDecision(String version, List<FindingLine> findings, SanctionWords sanction, String reasons,
            Instant appealBy) {

        /** Whether any clause was upheld (with none, there is no sanction at all, not the "no action" rung). */
        public boolean upheld() {
            return findings.stream().anyMatch(FindingLine::upheld);
        }
    }

    /** The party (complainant, respondent) and the grounds as their codes (procedural-failure, perverse-finding, new-evidence); the template words them. */
    public record AppealLodged(String party, List<String> grounds) {
    }

    public record AppealDecision(boolean allowed, PanelTally.Split vote, List<FindingLine> findings,
            SanctionWords sanction, String reasons) {

        /** Whether the substituted decision upholds any clause. */
        public boolean upheld() {
            return findings.stream().anyMatch(FindingLine::upheld);
        }
    }

    public record CaseworkerMessage(String text) {
    }

    /** A message from the caseworker waits on the party's case page: that it does, never what it says (decision 0033). */
    public record NewMessage(String ref) {
    }

    /** A new message from a party, to a caseworker by name: who wrote (by role), never what (decision 0033). */
    public record MessageForStaff(String name, String party, String ref) {
    }

    /** The complaint was withdrawn and the case ended; to the complainants and, if it was put to them, the respondent. */
    public record Withdrawn(boolean toRespondent, Instant at) {
    }

    /** One complainant of several withdrew their part; the case goes on for the others. */
    public record OwnPartWithdrawn(Instant at, int othersStanding) {
    }

    /** A sanction on the member's record reached the end of its term: its code, title on the ladder and term. */
    public record SanctionLapsed(String code, String title, Integer months, Instant tookEffect, Instant ended) {

        /** The sanction as it reads inside a sentence in English ("formal warning", "suspension for 6 months"). */
        public String inText() {
            String t = new SanctionWords(code, title, months, false).toString();
            return t.isEmpty() ? t : Character.toLowerCase(t.charAt(0)) + t.substring(1);
        }
    }

    /** The investigation report disclosed to a party, with the day their window to comment on it closes. */
    public record ReportReady(boolean toRespondent, boolean complainantNamed, Instant closes) {
    }

    /** The envelope every letter goes out in. */
    public record Envelope(String name, String body, String ref) {
    }

    public static native TemplateInstance acknowledged(Acknowledged m);

    public static native TemplateInstance joined(Joined m);

    public static native TemplateInstance dismissed(Dismissed m);

    public static native TemplateInstance allegation(Allegation m);

    public static native TemplateInstance accepted(Accepted m);

    public static native TemplateInstance reminder(Reminder m);

    public static native TemplateInstance backToTriage(BackToTriage m);

    public static native TemplateInstance nameShared(NameShared m);

    public static native TemplateInstance suspended(Suspended m);

    public static native TemplateInstance renewed(Renewed m);

    public static native TemplateInstance lifted(Lifted m);

    public static native TemplateInstance reachedMaximum(ReachedMaximum m);

    public static native TemplateInstance decision(PanelDecision m);

    public static native TemplateInstance appealLodged(AppealLodged m);

    public static native TemplateInstance appealDecision(AppealDecision m);

    public static native TemplateInstance caseworkerMessage(CaseworkerMessage m);

    public static native TemplateInstance newMessage(NewMessage m);

    public static native TemplateInstance messageForStaff(MessageForStaff m);

    public static native TemplateInstance withdrawn(Withdrawn m);

    public static native TemplateInstance ownPartWithdrawn(OwnPartWithdrawn m);

    public static native TemplateInstance sanctionLapsed(SanctionLapsed m);

    public static native TemplateInstance reportReady(ReportReady m);

    public static native TemplateInstance envelope(Envelope m);

    /** Clauses of a version by their titles (a clause the version does not know keeps its id). */
    public static List<ClauseLine> clauses(DefinitionVersion v, List<String> ids) {
        return ids.stream().map(id -> new ClauseLine(id, v.clause(id).map(DefinitionVersion.Clause::title).orElse(id)))
                .toList();
    }

    public static List<FindingLine> findings(DefinitionVersion v, List<Finding> findings) {
        return findings(v, findings, List.of());
    }

    /** The findings by clause title, each with how the panel divided on it (splits in the same order, or none). */
    public static List<FindingLine> findings(DefinitionVersion v, List<Finding> findings, List<PanelTally.Split> splits) {
        List<FindingLine> out = new java.util.ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            out.add(new FindingLine(v.clause(f.clause()).map(DefinitionVersion.Clause::title).orElse(f.clause()),
                    f.upheld(), i < splits.size() ? splits.get(i) : null));
        }
        return out;
    }

    public static SanctionWords sanction(DefinitionVersion v, String sanction, Integer months) {
        return new SanctionWords(sanction, SanctionLadder.of(v).title(sanction), months,
                SanctionLadder.NO_ACTION.equals(sanction));
    }

    /** A rendered letter: the subject (the template's first line) and the body. */
    public record Letter(String subject, String body) {

        public static Letter of(TemplateInstance t) {
            return parse(t.render());
        }

        public static Letter parse(String rendered) {
            String text = rendered.strip();
            int nl = text.indexOf('\n');
            if (nl < 0) {
                throw new IllegalStateException("a letter template needs a subject line, a blank line and a body");
            }
            return new Letter(text.substring(0, nl).strip(), text.substring(nl + 1).strip());
        }
    }
}
