package org.evenhand.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.evenhand.common.TimeSource;
import org.evenhand.identity.Member;
import org.evenhand.notification.Outbox;
import org.evenhand.crypto.CaseVault;
import org.evenhand.trail.ActionTrail;

/**
 * Records what happened on a case (free text sealed under the case's key): the timeline (what the parties and staff see), the action
 * trail (the tamper-evident record) and, where a party is concerned, a letter by email whose
 * text also appears on that party's timeline.
 */
@ApplicationScoped
public class CaseLetters {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK)
            .withZone(TimeSource.ZONE);

    @Inject
    TimeSource time;
    @Inject
    ActionTrail trail;
    @Inject
    Outbox outbox;
    @Inject
    CaseVault vault;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(CaseFile c, String actor, String kind, TimelineEntry.Audience audience, String summary) {
        TimelineEntry e = new TimelineEntry();
        e.caseId = c.id;
        e.at = time.now();
        e.actor = actor;
        e.kind = kind;
        e.summary = vault.seal(c.ref, summary);
        e.audience = audience;
        e.persist();
        trail.record(actor, kind, c.ref, "timeline entry for " + audience.name());
    }

    /** Writes to one party: on their timeline and by email. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void tell(CaseFile c, Party party, String kind, String subject, String body) {
        tell(c, party, kind, subject, body, "system");
    }

    /** As {@link #tell(CaseFile, Party, String, String, String)}, written by a named person rather than the process. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void tell(CaseFile c, Party party, String kind, String subject, String body, String actor) {
        Member to = c.member(party);
        String letter = "Dear " + to.displayName + ",\n\n" + body + "\n\nCase reference: " + c.ref
                + "\nYou can follow your case at any time under 'My cases'.\n\nEvenhand, on behalf of the party's"
                + " complaints process";
        TimelineEntry e = new TimelineEntry();
        e.caseId = c.id;
        e.at = time.now();
        e.actor = actor;
        e.kind = kind;
        e.summary = vault.seal(c.ref, subject + ": " + body);
        e.audience = TimelineEntry.Audience.of(party);
        e.persist();
        outbox.enqueue(c.ref, c.id, to, "[" + c.ref + "] " + subject, vault.seal(c.ref, letter));
        trail.record(actor, "letter-" + kind, c.ref, "to " + party.label() + ": " + subject);
    }

    public static String date(Instant at) {
        return DATE.format(at);
    }
}
