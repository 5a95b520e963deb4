package org.evenhand.casework;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What a party's timeline and inbox show of each entry (decision 0036): a letter in the words it was sent in,
 * or an event worded when the page is shown, in the reader's language ({@code labels:event}).
 */
public final class MemberEvents {

    /** Timeline entries that are events rather than letters. */
    static final Set<String> EVENTS = Set.of("responded", "no-response", "closed-withdrawn", "closed", "investigation",
            "to-panel", "report-comment");

    /** Kinds that are a person's own entry when a person made it, and a letter when the process sent it. */
    static final Set<String> EVENTS_BY_A_PERSON = Set.of("appeal-lodged", "message");

    private MemberEvents() {
    }

    /**
     * An entry: a letter ({@code text}), or an event ({@code event}, its kind): {@code by} who did it (complainant,
     * respondent, you), {@code grounds} an appeal's.
     */
    public record Row(Instant at, String event, String by, List<String> grounds, List<String> text) {
    }

    /** Whether an entry of this kind, made by this person (null: the process), is an event. */
    static boolean isEvent(String kind, String by) {
        return EVENTS.contains(kind) || (EVENTS_BY_A_PERSON.contains(kind) && by != null);
    }

    /** An entry on a party's timeline; what the reader did is said of their role, as the other party reads it. */
    static Row of(CaseViews.Event e, List<String> grounds, String yourRole) {
        String by = "you".equals(e.by()) && !"message".equals(e.kind()) ? yourRole : e.by();
        return isEvent(e.kind(), e.by()) ? new Row(e.at(), e.kind(), by, grounds, List.of())
                : new Row(e.at(), null, null, List.of(), CaseDisplay.paragraphs(e.summary()));
    }

    /** An entry in the member's inbox (their own entries are not there): an event, or null for a letter. */
    static Row ofInbox(Inbox.Item i) {
        return isEvent(i.kind(), i.by()) ? new Row(i.at(), i.kind(), i.by(), i.grounds(), List.of()) : null;
    }
}
