package org.evenhand.casework;

import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.evenhand.common.Languages;
import org.evenhand.common.TimeSource;
import org.evenhand.identity.Member;
import org.evenhand.notification.Outbox;
import org.evenhand.crypto.CaseVault;
import org.evenhand.trail.ActionTrail;

/**
 * Records what happened on a case (free text sealed under the case's key): the timeline (what the parties and staff see), the action
 * trail (the tamper-evident record) and, where a party is concerned, a letter by email whose
 * text also appears on that party's timeline. Each letter goes in its recipient's language (their stored
 * choice, else en-GB); the timeline keeps it in the language of the party's first member (decision 0036).
 */
@ApplicationScoped
public class CaseLetters {

    @Inject
    TimeSource time;
    @Inject
    ActionTrail trail;
    @Inject
    Outbox outbox;
    @Inject
    CaseVault vault;
    @Inject
    Languages languages;
    @Inject
    LetterRenderer renderer;

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

    /** An entry on one party member's own timeline only (and the trail), with no letter: e.g. "you sent a message". */
    @Transactional(Transactional.TxType.MANDATORY)
    public TimelineEntry recordFor(CaseFile c, Member m, Party party, String actor, String kind, String summary) {
        TimelineEntry e = new TimelineEntry();
        e.caseId = c.id;
        e.at = time.now();
        e.actor = actor;
        e.kind = kind;
        e.summary = vault.seal(c.ref, summary);
        e.audience = TimelineEntry.Audience.of(party);
        e.memberId = m.id;
        e.persist();
        trail.record(actor, kind, c.ref, "timeline entry for one " + party.label());
        return e;
    }

    /**
     * Writes to one party: on their timeline and by email. The complainant party is every
     * complainant of the case (the first and any who joined it): one timeline entry they all see,
     * and a letter to each.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void tell(CaseFile c, Party party, String kind, TemplateInstance letter) {
        tell(c, party, kind, letter, "system");
    }

    /** As {@link #tell(CaseFile, Party, String, TemplateInstance)}, written by a named person rather than the process. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void tell(CaseFile c, Party party, String kind, TemplateInstance letter, String actor) {
        Map<Locale, LetterRenderer.Written> rendered = new HashMap<>();
        Letters.Letter l = render(letter, languageOf(c.member(party)), rendered).letter();
        String subject = l.subject();
        String body = l.body();
        List<Member> to = new ArrayList<>();
        // a complainant who withdrew was told they would not hear about the case again
        if (c.member(party) != null && !(party == Party.COMPLAINANT && c.complainantWithdrawnAt != null)) {
            to.add(c.member(party));
        }
        if (party == Party.COMPLAINANT) {
            to.addAll(joinedMembers(c));
        }
        TimelineEntry e = new TimelineEntry();
        e.caseId = c.id;
        e.at = time.now();
        e.actor = actor;
        e.kind = kind;
        e.summary = vault.seal(c.ref, subject + ": " + body);
        e.audience = TimelineEntry.Audience.of(party);
        e.persist();
        for (Member m : to) {
            Locale language = languageOf(m);
            LetterRenderer.Written w = render(letter, language, rendered);
            Letters.Letter theirs = w.letter();
            outbox.enqueue(c.ref, c.id, m, "[" + c.ref + "] " + theirs.subject(),
                    vault.seal(c.ref, letter(c, m, theirs.body(), language)), LetterRenderer.kindOf(letter), w.version());
        }
        trail.record(actor, "letter-" + kind, c.ref, "to " + (to.size() > 1 ? to.size() + " " : "") + party.label()
                + (to.size() > 1 ? "s" : "") + ": " + subject);
    }

    /** Writes to one member who is a party (e.g. one complainant of several): only they see it on their timeline. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void tellMember(CaseFile c, Member to, Party party, String kind, TemplateInstance letter) {
        Locale language = languageOf(to);
        LetterRenderer.Written w = render(letter, language, new HashMap<>());
        Letters.Letter l = w.letter();
        String subject = l.subject();
        String body = l.body();
        TimelineEntry e = new TimelineEntry();
        e.caseId = c.id;
        e.at = time.now();
        e.actor = "system";
        e.kind = kind;
        e.summary = vault.seal(c.ref, subject + ": " + body);
        e.audience = TimelineEntry.Audience.of(party);
        e.memberId = to.id;
        e.persist();
        outbox.enqueue(c.ref, c.id, to, "[" + c.ref + "] " + subject, vault.seal(c.ref, letter(c, to, body, language)),
                LetterRenderer.kindOf(letter), w.version());
        trail.record("system", "letter-" + kind, c.ref, "to a " + party.label() + ": " + subject);
    }

    /** The language a member reads their letters in: their stored choice, else en-GB. */
    private Locale languageOf(Member m) {
        return m == null ? languages.fallback() : languages.of(m.language);
    }

    /**
     * The letter in a language, rendered once per language however many it goes to, from the template version in
     * force for its kind (decision 0043); the text is stored as written and never rendered again.
     */
    private LetterRenderer.Written render(TemplateInstance letter, Locale language,
            Map<Locale, LetterRenderer.Written> rendered) {
        return rendered.computeIfAbsent(language, l -> renderer.render(letter, l));
    }

    private static String letter(CaseFile c, Member to, String body, Locale language) {
        return Letters.envelope(new Letters.Envelope(to.displayName, body, c.ref)).setLocale(language).render().strip();
    }

    private static List<Member> joinedMembers(CaseFile c) {
        List<Long> ids = JoinedComplainant.<JoinedComplainant>list(
                "caseId = ?1 and memberId is not null and withdrawnAt is null order by id", c.id)
                .stream().map(j -> j.memberId).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Member> byId = new HashMap<>();
        for (List<Long> chunk : chunks(ids, 1000)) {
            Member.<Member>list("id in ?1", chunk).forEach(m -> byId.put(m.id, m));
        }
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    private static List<List<Long>> chunks(List<Long> ids, int size) {
        List<List<Long>> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += size) {
            out.add(ids.subList(i, Math.min(ids.size(), i + size)));
        }
        return out;
    }

    public static String date(Instant at) {
        return LetterWords.date(at);
    }
}
