package org.evenhand.audit;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The faction list in force and its history (decision 0043). Version 1 is written at the first boot from
 * the configuration ({@code evenhand.audit.factions}, {@code evenhand.audit.notice.version}), so a
 * deployment keeps the list it had; after that the complaints manager publishes new versions (FactionAdmin).
 */
@ApplicationScoped
public class FactionLists {

    /** A faction of a version: key, label, retired (no longer offered; declarations of it stand). */
    public record Faction(String key, String label, boolean retired) {
    }

    /** A version of the list. */
    public record Snapshot(int version, String noticeVersion, List<Faction> factions, Instant publishedAt,
            String publishedBy) {

        /** The factions a member may declare under this version, in order. */
        public List<Faction> offered() {
            return factions.stream().filter(f -> !f.retired()).toList();
        }
    }

    @Inject
    AuditConfig config;

    /** Writes version 1 from the configuration if no version exists yet (several nodes at once: one wins). */
    @Transactional
    void seed(@Observes StartupEvent start) {
        var em = FactionList.getEntityManager();
        int made = em.createNativeQuery("INSERT INTO faction_lists (version, notice_version, published_at, published_by)"
                + " VALUES (1, ?1, now(), 'configuration') ON CONFLICT DO NOTHING")
                .setParameter(1, config.notice().version()).executeUpdate();
        if (made == 1) {
            int position = 0;
            for (String key : new LinkedHashSet<>(config.factions())) {
                em.createNativeQuery("INSERT INTO faction_list_entries (version, position, key, label, retired)"
                        + " VALUES (1, ?1, ?2, ?3, false)").setParameter(1, position++).setParameter(2, key.strip())
                        .setParameter(3, AuditViews.group(key.strip())).executeUpdate();
            }
        }
    }

    /** The version in force: the latest published. */
    @Transactional
    public Snapshot current() {
        FactionList l = FactionList.<FactionList>find("order by version desc").firstResult();
        return snapshot(l);
    }

    /** Every version, newest first. */
    @Transactional
    public List<Snapshot> history() {
        return FactionList.<FactionList>list("order by version desc").stream().map(FactionLists::snapshot).toList();
    }

    /**
     * Every faction key any version has offered, in the latest version's order (retired ones too): the groups
     * the fairness report counts declarations under.
     */
    @Transactional
    public List<String> allKeys() {
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        current().factions().forEach(f -> keys.add(f.key()));
        FactionListEntry.<FactionListEntry>list("order by version, position").forEach(e -> keys.add(e.key));
        return new ArrayList<>(keys);
    }

    private static Snapshot snapshot(FactionList l) {
        List<Faction> factions = FactionListEntry.<FactionListEntry>list("version = ?1 order by position", l.version)
                .stream().map(e -> new Faction(e.key, e.label, e.retired)).toList();
        return new Snapshot(l.version, l.noticeVersion, factions, l.publishedAt, l.publishedBy);
    }
}
