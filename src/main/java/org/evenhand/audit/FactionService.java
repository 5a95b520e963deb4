package org.evenhand.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.identity.Member;
import org.evenhand.trail.ActionTrail;

/**
 * Faction declarations: given with explicit consent to a versioned notice, changed or withdrawn
 * at any time, each step on the consent record and the action trail, never with the faction
 * itself in either.
 */
@ApplicationScoped
public class FactionService {

    public static final String PREFER_NOT_TO_SAY = FairnessReport.PREFER_NOT_TO_SAY;

    @Inject
    AuditConfig config;
    @Inject
    TimeSource time;
    @Inject
    ActionTrail trail;
    @Inject
    FactionLists lists;

    public record Consent(String event, String noticeVersion, String purpose, Instant at) {
    }

    public record State(Optional<FactionDeclaration> declaration, List<Consent> consents) {
    }

    /** The options a member may choose from: the factions the list in force offers, then "prefer-not-to-say". */
    public List<String> options() {
        return options(lists.current());
    }

    static List<String> options(FactionLists.Snapshot list) {
        List<String> all = new ArrayList<>(list.offered().stream().map(FactionLists.Faction::key).toList());
        all.add(PREFER_NOT_TO_SAY);
        return all;
    }

    @Transactional
    public State state(Member m) {
        List<Consent> consents = FactionConsentEvent.<FactionConsentEvent>list("memberId = ?1 order by id", m.id)
                .stream().map(e -> new Consent(e.event, e.noticeVersion, e.purpose, e.at)).toList();
        return new State(Optional.ofNullable(FactionDeclaration.findById(m.id)), consents);
    }

    @Transactional
    public State declare(Member m, String faction, String noticeVersion, Boolean consent) {
        if (!Boolean.TRUE.equals(consent)) {
            throw ProblemException.invalidField("consent", "a faction is recorded only with your explicit consent"
                    + " (consent: true) to the notice");
        }
        FactionLists.Snapshot list = lists.current();
        List<String> options = options(list);
        if (faction == null || !options.contains(faction)) {
            throw ProblemException.invalidField("faction", "choose one of " + String.join(", ", options));
        }
        String notice = list.noticeVersion();
        if (!notice.equals(noticeVersion)) {
            throw ProblemException.invalidField("noticeVersion", "the notice in force is version " + notice
                    + "; read it (GET /api/me/faction) and consent to that version");
        }
        Instant now = time.now().truncatedTo(ChronoUnit.MICROS);
        FactionDeclaration d = FactionDeclaration.findById(m.id);
        String event;
        if (d == null) {
            d = new FactionDeclaration();
            d.memberId = m.id;
            d.declaredAt = now;
            event = FactionConsentEvent.GIVEN;
        } else if (d.faction.equals(faction) && d.noticeVersion.equals(notice)
                && Integer.valueOf(list.version()).equals(d.listVersion)) {
            return state(m);
        } else {
            event = d.noticeVersion.equals(notice) ? FactionConsentEvent.CHANGED : FactionConsentEvent.GIVEN;
        }
        d.faction = faction;
        d.noticeVersion = notice;
        d.purpose = config.notice().purpose();
        d.updatedAt = now;
        d.listVersion = list.version();
        d.persist();
        consentEvent(m, event, notice, now).listVersion = list.version();
        trail.record(m.username, event.equals(FactionConsentEvent.CHANGED) ? "faction-changed" : "faction-declared",
                null, "faction declaration " + (event.equals(FactionConsentEvent.CHANGED) ? "changed" : "recorded")
                        + " with consent to notice " + notice + " for purpose " + config.notice().purpose());
        return state(m);
    }

    /** Withdraws consent: the declaration is deleted at once. Nothing to withdraw is not an error. */
    @Transactional
    public void withdraw(Member m) {
        FactionDeclaration d = FactionDeclaration.findById(m.id);
        if (d == null) {
            return;
        }
        Instant now = time.now().truncatedTo(ChronoUnit.MICROS);
        d.delete();
        consentEvent(m, FactionConsentEvent.WITHDRAWN, null, now);
        trail.record(m.username, "faction-withdrawn", null, "faction declaration withdrawn and deleted");
    }

    private FactionConsentEvent consentEvent(Member m, String event, String notice, Instant at) {
        FactionConsentEvent e = new FactionConsentEvent();
        e.memberId = m.id;
        e.event = event;
        e.noticeVersion = notice;
        e.purpose = notice == null ? null : config.notice().purpose();
        e.at = at;
        e.persist();
        return e;
    }
}
