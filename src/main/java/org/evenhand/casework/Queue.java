package org.evenhand.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.evenhand.casework.rules.QueueRules;
import org.evenhand.common.Commands;
import org.evenhand.common.TimeSource;
import org.evenhand.definition.DefinitionVersion;
import org.evenhand.definition.Definitions;

/**
 * The staff queue (decision 0034): the handler's open tasks from the engine, asked for once, joined to
 * their cases in one SQL query (parties, clauses, stage, pile-on size), then searched, filtered, sorted
 * and paged in memory: a few hundred rows of a few fields each. A row shows who the parties are only
 * to a caseworker on a caseworker's task; on a panel member's task it is blind (no names, no numbers,
 * no pile-on size), and a search then matches the case reference only.
 */
@ApplicationScoped
public class Queue {

    public record ClauseTag(String id, String title) {
    }

    /** A task in the queue, with its case. Parties and pile-on size are null on a blind row. */
    public record QueueRow(String id, String kind, String name, String caseRef, String assignee, boolean mine,
            boolean claimable, Instant created, Instant due, boolean overdue, boolean blind, String complainant,
            String complainantNumber, String respondent, String respondentNumber, List<ClauseTag> clauses, int tier,
            String tierLabel, String stage, String stageLabel, Instant received, Integer pileOn)
            implements QueueRules.Sortable {

        @Override
        public String taskTitle() {
            return name;
        }
    }

    /** One page of the answer, and how many rows the whole answer has. */
    public record QueuePage(List<QueueRow> items, long total, int page, int size, int pages, String sort) {
    }

    /** What the SQL query brings back about a case. */
    record CaseFacts(String stage, String definitionVersion, List<String> clauses, Instant received, String complainant,
            String complainantNumber, String respondent, String respondentNumber, int complainants, List<String> joined) {
    }

    static final String FACTS = "SELECT c.ref, c.stage, c.definition_version,"
            + " array_to_string(CASE WHEN cardinality(c.engaged_clauses) > 0 THEN c.engaged_clauses"
            + " ELSE c.cited_clauses END, ','), c.received_at,"
            + " cm.display_name, cm.membership_number, rm.display_name, rm.membership_number,"
            + " (SELECT count(*) FROM case_complainants j WHERE j.case_id = c.id),"
            + " (SELECT string_agg(coalesce(jm.display_name, '') || chr(31) || coalesce(jm.membership_number, ''), chr(31))"
            + " FROM case_complainants j JOIN members jm ON jm.id = j.member_id WHERE j.case_id = c.id)"
            + " FROM cases c LEFT JOIN members cm ON cm.id = c.complainant_id"
            + " LEFT JOIN members rm ON rm.id = c.respondent_id WHERE c.ref IN (:refs)";

    @Inject
    CaseProcess process;
    @Inject
    EntityManager em;
    @Inject
    Commands commands;
    @Inject
    Definitions definitions;
    @Inject
    TimeSource time;

    /** The handler's queue as this query asks for it; a query out of bounds is refused (400) before anything is read. */
    @Transactional
    public QueuePage page(String username, boolean caseworker, QueueQuery query) {
        commands.check(query);
        List<CaseProcess.WorkItem> tasks = process.tasksFor(username);
        Map<String, CaseFacts> facts = facts(tasks.stream().map(CaseProcess.WorkItem::caseRef)
                .filter(Objects::nonNull).distinct().toList());
        Instant now = time.now();
        String q = query.search();
        Integer tier = query.tierNumber();
        List<QueueRow> rows = tasks.stream().filter(t -> facts.containsKey(t.caseRef()))
                .map(t -> row(t, facts.get(t.caseRef()), username, caseworker, now))
                .filter(r -> QueueRules.matches(q, r.caseRef(), !r.blind(), names(r, facts.get(r.caseRef()))))
                .filter(r -> query.stage() == null || query.stage().equals(r.stage()))
                .filter(r -> query.clause() == null || r.clauses().stream().anyMatch(c -> c.id().equals(query.clause())))
                .filter(r -> tier == null || r.tier() == tier)
                .filter(r -> !query.onlyOverdue() || r.overdue())
                .filter(r -> !query.onlyPileOns() || QueueRules.pileOn(r.pileOn()))
                .filter(r -> query.holder() == null || ("mine".equals(query.holder()) ? r.mine() : r.claimable()))
                .sorted(QueueRules.order(query.sorting()))
                .toList();
        int size = query.pageSize();
        int page = query.pageNumber();
        int from = Math.min(rows.size(), QueueRules.offset(page, size));
        return new QueuePage(rows.subList(from, Math.min(rows.size(), from + size)), rows.size(), page, size,
                QueueRules.pages(rows.size(), size), query.sorting().id());
    }

    private QueueRow row(CaseProcess.WorkItem t, CaseFacts f, String username, boolean caseworker, Instant now) {
        TaskKind kind = TaskKind.find(t.kind()).orElse(null);
        // a panel member's task is blind even for someone who is also a caseworker (decision 0034)
        boolean blind = !caseworker || kind == null || kind.bench().isPresent();
        DefinitionVersion v = f.definitionVersion() == null ? null : definitions.version(f.definitionVersion());
        List<ClauseTag> clauses = f.clauses().stream().map(id -> new ClauseTag(id,
                v == null ? id : v.clause(id).map(DefinitionVersion.Clause::title).orElse(id))).toList();
        int tier = v == null ? 0 : definitions.tier(v, f.clauses());
        CaseViews.Stage stage = f.stage() == null ? CaseViews.RECEIVED : CaseViews.STAGES.get(f.stage());
        String title = kind != null && kind.isTask() ? kind.title() : t.name();
        return new QueueRow(t.id(), t.kind(), title, t.caseRef(), t.assignee(), username.equals(t.assignee()),
                t.assignee() == null && t.candidates().contains(username), t.created(), t.due(),
                QueueRules.overdue(t.due(), now), blind,
                blind ? null : shown(f.complainant()), blind ? null : f.complainantNumber(),
                blind ? null : shown(f.respondent()), blind ? null : f.respondentNumber(), clauses, tier,
                tier == 0 ? null : definitions.tierLabel(tier), f.stage(),
                stage == null ? f.stage() : stage.label(), f.received(), blind ? null : 1 + f.complainants());
    }

    private static String shown(String name) {
        return name == null ? CaseViews.ERASED : name;
    }

    private static List<String> names(QueueRow r, CaseFacts f) {
        return Stream.concat(Stream.of(f.complainant(), f.complainantNumber(), f.respondent(), f.respondentNumber()),
                f.joined().stream()).filter(Objects::nonNull).toList();
    }

    /** The cases behind these references, in one query. */
    @SuppressWarnings("unchecked")
    Map<String, CaseFacts> facts(List<String> refs) {
        Map<String, CaseFacts> out = new HashMap<>();
        if (refs.isEmpty()) {
            return out;
        }
        List<Object[]> rows = em.createNativeQuery(FACTS).setParameter("refs", refs).getResultList();
        for (Object[] r : rows) {
            String clauses = (String) r[3];
            String joined = (String) r[10];
            out.put((String) r[0], new CaseFacts((String) r[1], (String) r[2],
                    clauses == null || clauses.isEmpty() ? List.of() : List.of(clauses.split(",")), instant(r[4]),
                    (String) r[5], (String) r[6], (String) r[7], (String) r[8], ((Number) r[9]).intValue(),
                    joined == null ? List.of() : Arrays.stream(joined.split("\u001f")).filter(s -> !s.isEmpty()).toList()));
        }
        return out;
    }

    private static Instant instant(Object o) {
        if (o == null || o instanceof Instant) {
            return (Instant) o;
        }
        if (o instanceof OffsetDateTime d) {
            return d.toInstant();
        }
        if (o instanceof Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("unexpected time " + o.getClass());
    }
}
