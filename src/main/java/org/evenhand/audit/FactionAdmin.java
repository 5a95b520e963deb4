package org.evenhand.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.evenhand.common.Problem;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.trail.ActionTrail;

/**
 * The faction list, administered by the complaints manager (decision 0043): the version in force and every
 * earlier one, a preview of the declaration form a member would see under a new version, and publication
 * of it (add, relabel, retire, reorder; never delete). Declarations keep the version they were made under;
 * the fairness report counts them by faction key, whatever the label.
 */
@ApplicationScoped
public class FactionAdmin {

    /** The declaration form as a member would see it: the choices (key and label) and the notice version. */
    public record Preview(String noticeVersion, List<MyFactionPage.Choice> options) {
    }

    /** The list in force and every version before it (newest first). */
    public record Lists(FactionLists.Snapshot current, List<FactionLists.Snapshot> history) {
    }

    @Inject
    FactionLists lists;
    @Inject
    TimeSource time;
    @Inject
    ActionTrail trail;

    @Transactional
    public Lists lists() {
        return new Lists(lists.current(), lists.history());
    }

    /** The declaration form under the new list, refused as publishing would refuse it; nothing stored. */
    @Transactional
    public Preview preview(FactionListRules.NewList in) {
        return preview(snapshot(0, checked(in), null));
    }

    static Preview preview(FactionLists.Snapshot s) {
        return new Preview(s.noticeVersion(), MyFactionPage.choices(s));
    }

    /** Publishes the new list as the next version: the declaration form offers it from now on. */
    @Transactional
    public FactionLists.Snapshot publish(String manager, FactionListRules.NewList in) {
        FactionList.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('faction-lists'))")
                .getSingleResult();
        FactionListRules.NewList list = checked(in);
        FactionLists.Snapshot current = lists.current();
        FactionLists.Snapshot next = snapshot(current.version() + 1, list, manager);
        if (next.noticeVersion().equals(current.noticeVersion()) && next.factions().equals(current.factions())) {
            throw ProblemException.conflict("this is the list in force already (version " + current.version() + ")");
        }
        FactionList l = new FactionList();
        l.version = next.version();
        l.noticeVersion = next.noticeVersion();
        l.publishedAt = time.now();
        l.publishedBy = manager;
        l.persist();
        int position = 0;
        for (FactionLists.Faction f : next.factions()) {
            FactionListEntry e = new FactionListEntry();
            e.version = l.version;
            e.position = position++;
            e.key = f.key();
            e.label = f.label();
            e.retired = f.retired();
            e.persist();
        }
        trail.record(manager, "faction-list-published", null, "faction list version " + l.version + " (notice "
                + l.noticeVersion + ") replaces version " + current.version() + ": " + changes(current, next));
        return lists.current();
    }

    private FactionListRules.NewList checked(FactionListRules.NewList in) {
        Set<String> inForce = new HashSet<>();
        lists.current().factions().forEach(f -> inForce.add(f.key()));
        List<Problem.FieldError> errors = FactionListRules.check(inForce, in);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return in;
    }

    private static FactionLists.Snapshot snapshot(int version, FactionListRules.NewList in, String by) {
        List<FactionLists.Faction> factions = in.factions().stream().map(f -> new FactionLists.Faction(f.key().strip(),
                f.label().strip(), Boolean.TRUE.equals(f.retired()))).toList();
        return new FactionLists.Snapshot(version, in.noticeVersion().strip(), factions, null, by);
    }

    /** What changed, by key (never who declared what): added, relabelled, retired, offered again. */
    static String changes(FactionLists.Snapshot before, FactionLists.Snapshot after) {
        java.util.Map<String, FactionLists.Faction> old = new java.util.HashMap<>();
        before.factions().forEach(f -> old.put(f.key(), f));
        java.util.List<String> out = new java.util.ArrayList<>();
        for (FactionLists.Faction f : after.factions()) {
            FactionLists.Faction o = old.get(f.key());
            if (o == null) {
                out.add("added " + f.key() + " '" + f.label() + "'" + (f.retired() ? " (retired)" : ""));
                continue;
            }
            if (!o.label().equals(f.label())) {
                out.add("relabelled " + f.key() + " '" + o.label() + "' -> '" + f.label() + "'");
            }
            if (o.retired() != f.retired()) {
                out.add((f.retired() ? "retired " : "offered again ") + f.key());
            }
        }
        if (!before.noticeVersion().equals(after.noticeVersion())) {
            out.add("notice " + before.noticeVersion() + " -> " + after.noticeVersion());
        }
        return out.isEmpty() ? "order changed" : String.join("; ", out);
    }
}
