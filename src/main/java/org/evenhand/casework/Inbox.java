package org.evenhand.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.evenhand.common.TimeSource;
import org.evenhand.identity.Member;

/**
 * What changed on a person's cases since they last looked (decision 0033). A member: every entry
 * on their timelines that someone else made (letters, messages from their caseworker, decisions),
 * and their coming deadlines. A caseworker: the parties' messages on their cases (those they
 * investigate or have acted on, and may still handle) and tasks new to them. A panel member: tasks
 * only; the panel never sees messages. Looking at the inbox marks everything in it seen; someone
 * who has never looked sees the last {@link #FIRST_LOOK}.
 */
@ApplicationScoped
public class Inbox {

    static final Duration FIRST_LOOK = Duration.ofDays(30);

    /**
     * One thing that changed: when, on which case, and in words (the case's own text, opened); for a
     * member, {@code by} who did it when a person did (complainant, respondent) and an appeal's grounds,
     * so that their page can word an event in their language (decision 0036).
     */
    public record Item(Instant at, String caseRef, String kind, String text, String by, List<String> grounds) {

        public Item(Instant at, String caseRef, String kind, String text) {
            this(at, caseRef, kind, text, null, List.of());
        }
    }

    /** A coming deadline: its step (the page words it) and its name in UK English. */
    public record Deadline(String caseRef, String step, String name, Instant due) {
    }

    public record MemberInbox(Instant since, List<Item> items, List<Deadline> deadlines) {
    }

    public record StaffInbox(Instant since, List<Item> messages, List<TaskService.TaskView> newTasks) {
    }

    /** The member's cases and their side on each, and the timeline entries on them that they see. */
    private static final String MEMBER_CASES = """
            WITH mine AS (
                SELECT id AS case_id, 'complainant' AS side FROM cases WHERE complainant_id = :m
                UNION SELECT case_id, 'complainant' FROM case_complainants WHERE member_id = :m
                UNION SELECT id, 'respondent' FROM cases WHERE respondent_id = :m AND respondent_notified_at IS NOT NULL)
            """;

    private static final String MEMBER_ENTRIES = """
            FROM mine JOIN timeline_entries e ON e.case_id = mine.case_id
            WHERE e.at > COALESCE((SELECT seen_at FROM inbox_seen WHERE username = :u), CAST(:first AS timestamptz))
              AND e.actor <> :u AND (e.audience = 'parties' OR e.audience = mine.side)
              AND (e.member_id IS NULL OR e.member_id = :m)
            """;

    /** The parties' messages on cases this caseworker investigates or has acted on. */
    private static final String STAFF_MESSAGES = """
            FROM case_messages x JOIN cases c ON c.id = x.case_id
            WHERE NOT x.from_staff
              AND x.sent_at > COALESCE((SELECT seen_at FROM inbox_seen WHERE username = :u), CAST(:first AS timestamptz))
              AND (c.investigator = :u OR EXISTS (SELECT 1 FROM timeline_entries t WHERE t.case_id = c.id AND t.actor = :u))
            """;

    @Inject
    EntityManager em;
    @Inject
    TimeSource time;
    @Inject
    CaseViews views;
    @Inject
    ComplainantIdentity identity;
    @Inject
    TaskService tasks;

    /** How many things are new to this person (for the header): one query, by their login alone. */
    @Transactional
    public long unread(String username, boolean member, boolean caseworker) {
        String sql = member ? (MEMBER_CASES + "SELECT count(*) " + MEMBER_ENTRIES)
                .replace(":m", "(SELECT id FROM members WHERE username = :u)")
                : caseworker ? "SELECT count(*) " + STAFF_MESSAGES : null;
        if (sql == null) {
            return 0;
        }
        return ((Number) em.createNativeQuery(sql).setParameter("u", username).setParameter("first", firstLook())
                .getSingleResult()).longValue();
    }

    /** The member's inbox, newest first; looking marks it seen. */
    @Transactional
    public MemberInbox forMember(Member m) {
        Instant since = seen(m.username);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(MEMBER_CASES + "SELECT e.case_id, mine.side, e.at, e.kind, e.summary, e.actor "
                + MEMBER_ENTRIES + " ORDER BY e.id DESC LIMIT 200").setParameter("u", m.username)
                .setParameter("m", m.id).setParameter("first", firstLook()).getResultList();
        Map<Long, CaseFile> byId = new HashMap<>();
        List<Item> items = new ArrayList<>();
        for (Object[] r : rows) {
            CaseFile c = byId.computeIfAbsent(((Number) r[0]).longValue(), k -> CaseFile.<CaseFile>findById(k));
            UnaryOperator<String> shown = "respondent".equals(r[1]) ? identity.forRespondent(c) : UnaryOperator.identity();
            String actor = (String) r[5];
            String by = actor == null || "system".equals(actor) || "process".equals(actor) ? null
                    : c.respondent != null && actor.equals(c.respondent.username) ? "respondent" : "complainant";
            Appeal appeal = by != null && "appeal-lodged".equals(r[3]) ? Appeal.findById(c.id) : null;
            items.add(new Item(instant(r[2]), c.ref, (String) r[3], shown.apply(views.text(c, (String) r[4])), by,
                    appeal == null ? List.of() : appeal.grounds));
        }
        List<Deadline> deadlines = new ArrayList<>();
        for (CaseViews.CaseSummary s : views.casesOf(m)) {
            views.forMember(m, s.ref()).deadlines().forEach(d -> deadlines.add(new Deadline(s.ref(), d.step(), d.name(), d.due())));
        }
        deadlines.sort(java.util.Comparator.comparing(Deadline::due));
        markSeen(m.username);
        return new MemberInbox(since, items, deadlines);
    }

    /** A handler's inbox: the parties' messages (caseworkers only) and tasks new since they last looked. */
    @Transactional
    public StaffInbox forStaff(String username, boolean caseworker) {
        Instant since = seen(username);
        Instant from = since == null ? firstLook().toInstant() : since;
        List<Item> messages = new ArrayList<>();
        if (caseworker) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT x.case_id, x.sent_at, x.party " + STAFF_MESSAGES
                    + " ORDER BY x.id DESC LIMIT 200").setParameter("u", username).setParameter("first", firstLook())
                    .getResultList();
            Map<Long, CaseFile> handled = new HashMap<>();
            for (Object[] r : rows) {
                Long id = ((Number) r[0]).longValue();
                CaseFile c = handled.computeIfAbsent(id, k -> {
                    CaseFile x = CaseFile.findById(k);
                    return views.handles(username, true, x) ? x : null;
                });
                if (c != null) {
                    items(messages, c, instant(r[1]), (String) r[2]);
                }
            }
        }
        List<TaskService.TaskView> fresh = tasks.openTasks(username).stream()
                .filter(t -> t.created() != null && t.created().isAfter(from)).toList();
        markSeen(username);
        return new StaffInbox(since, messages, fresh);
    }

    private static void items(List<Item> out, CaseFile c, Instant at, String party) {
        out.add(new Item(at, c.ref, CaseMessages.KIND, "The " + party + " sent a message"));
    }

    private Instant seen(String username) {
        @SuppressWarnings("unchecked")
        List<Object> r = em.createNativeQuery("SELECT seen_at FROM inbox_seen WHERE username = ?1")
                .setParameter(1, username).getResultList();
        return r.isEmpty() ? null : instant(r.get(0));
    }

    private void markSeen(String username) {
        em.createNativeQuery("INSERT INTO inbox_seen (username, seen_at) VALUES (?1, ?2)"
                + " ON CONFLICT (username) DO UPDATE SET seen_at = excluded.seen_at")
                .setParameter(1, username).setParameter(2, time.now()).executeUpdate();
    }

    private java.time.OffsetDateTime firstLook() {
        return time.now().minus(FIRST_LOOK).atOffset(java.time.ZoneOffset.UTC);
    }

    static Instant instant(Object o) {
        return o instanceof java.sql.Timestamp t ? t.toInstant() : o instanceof java.time.OffsetDateTime d ? d.toInstant()
                : (Instant) o;
    }
}
