package org.evenhand.casework.rules;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/**
 * The parties' window to comment on the investigation report (decision 0030): open while the case
 * waits in it and its closing time has not passed (the engine may not yet have fired the timer);
 * one comment per member who is a party; it closes early once every one of them has commented.
 */
public final class CommentWindow {

    private CommentWindow() {
    }

    /** Whether a comment may be taken now: the case waits in the window and it has not closed. */
    public static boolean isOpen(boolean waitingInWindow, Instant closes, Instant now) {
        return waitingInWindow && (closes == null || now.isBefore(closes));
    }

    /** Whether every member who is a party (each complainant, the respondent) has commented. */
    public static boolean everyoneHasCommented(Collection<Long> partyMembers, Set<Long> commented) {
        return !partyMembers.isEmpty() && commented.containsAll(partyMembers);
    }
}
