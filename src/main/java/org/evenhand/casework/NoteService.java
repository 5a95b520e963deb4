package org.evenhand.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.evenhand.common.Commands;
import org.evenhand.common.ProblemException;

/**
 * Caseworkers' notes on a case: for staff only, or a message to one party. A staff note is a
 * timeline entry only staff see; a message to a party is a letter (on their timeline and by email)
 * and leaves a staff entry saying who sent it. Text is sealed under the case's key like the rest
 * of the timeline, and every note is on the trail. Panel members, who work blind, see none of them.
 */
@ApplicationScoped
public class NoteService {

    public static final String KIND = "note";

    public enum Audience {
        staff, complainant, respondent;

        /** The audience a form's value names, or null for none (or one that is not an audience). */
        public static Audience of(String code) {
            for (Audience a : values()) {
                if (a.name().equals(code)) {
                    return a;
                }
            }
            return null;
        }
    }

    /** A note for staff, or a message to one party. */
    public record NoteRequest(@NotNull(message = "{casework.note.audience}") Audience audience,
            @NotBlank(message = "{casework.note.text}")
            @Size(max = 20000, message = "{casework.note.text.max}") String text) {
    }

    public record Note(Instant at, String author, Audience audience, String text) {
    }

    @Inject
    CaseViews views;
    @Inject
    CaseLetters letters;
    @Inject
    Commands commands;

    @Transactional
    public void add(String caseworker, String ref, NoteRequest note) {
        CaseFile c = views.requireStaffAccess(caseworker, true, false, ref);
        commands.check(note);
        String body = note.text().strip();
        switch (note.audience()) {
            case staff -> letters.record(c, caseworker, KIND, TimelineEntry.Audience.staff, body);
            case complainant, respondent -> {
                Party party = note.audience() == Audience.complainant ? Party.COMPLAINANT : Party.RESPONDENT;
                if (c.member(party) == null) {
                    throw ProblemException.conflict("the " + party.label() + " on " + ref + " is no longer on record");
                }
                if (party == Party.RESPONDENT && c.respondentNotifiedAt == null) {
                    throw ProblemException.invalidField("audience", "the respondent has not been told of this"
                            + " complaint; they learn of it only when triage puts the allegation to them");
                }
                letters.tell(c, party, KIND, Letters.caseworkerMessage(new Letters.CaseworkerMessage(body)), caseworker);
                letters.record(c, caseworker, "note-sent", TimelineEntry.Audience.staff,
                        "Message sent to the " + party.label() + " (see their letter)");
            }
            default -> throw new IllegalStateException();
        }
    }

    /** The notes and messages on a case, oldest first; eligible caseworkers only. */
    @Transactional
    public List<Note> notes(String caseworker, String ref) {
        CaseFile c = views.requireStaffAccess(caseworker, true, false, ref);
        return TimelineEntry.<TimelineEntry>list("caseId = ?1 and kind = ?2 order by id", c.id, KIND).stream()
                .map(e -> new Note(e.at, e.actor, Audience.valueOf(e.audience.name()), views.text(c, e.summary)))
                .toList();
    }
}
