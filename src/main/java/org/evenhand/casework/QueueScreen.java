package org.evenhand.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.evenhand.casework.rules.QueueRules;
import org.evenhand.common.TimeSource;
import org.evenhand.definition.Definitions;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Roles;
import org.evenhand.web.Due;
import org.evenhand.web.Form;
import org.evenhand.web.Formats;

/**
 * The queue page's view (WorkPages GET /work): one page of Queue's answer, with the search form's
 * choices, sortable column headers and page links that keep the question. No script is needed:
 * the form is a GET form and every link carries the query.
 */
@ApplicationScoped
public class QueueScreen {

    /** A row as the page shows it: the queue row, its countdown, and when the task was set. */
    public record Line(Queue.QueueRow row, Due due, String received) {

        public String clauseTitles() {
            return String.join("; ", row.clauses().stream().map(Queue.ClauseTag::title).toList());
        }
    }

    public record Option(String value, String label) {
    }

    /** A bulk claim: the ticked tasks (the form's checkboxes are named {@code task}). */
    public record BulkClaim(
            @jakarta.validation.constraints.NotEmpty(message = "{casework.claims.none}")
            @jakarta.validation.constraints.Size(max = QueueRules.MAX_SIZE, message = "{casework.claims.max}")
            List<String> task) {
    }

    /** What became of each task ticked for a bulk claim. */
    public record Claimed(String task, String caseRef, boolean claimed, String why) {
    }

    /** A column header: its words, the link that sorts by it, and aria-sort when it is the sort. */
    public record Column(String label, String key, String href, String ariaSort) {
    }

    public record PageLink(int number, String href, boolean current) {
    }

    public record Screen(String name, boolean panel, QueueQuery query, Form form, String done, List<Claimed> claims,
            List<Line> lines, long total, int page, int pages, int size, List<Column> columns, List<PageLink> pageLinks,
            String previous, String next, List<Option> stages, List<Option> clauses, List<Option> tiers) {

        /** The page sizes the form offers. */
        public List<Integer> sizes() {
            return List.of(10, 25, 50, 100);
        }

        public long firstShown() {
            return lines.isEmpty() ? 0 : (long) (page - 1) * size + 1;
        }

        public long lastShown() {
            return lines.isEmpty() ? 0 : firstShown() + lines.size() - 1;
        }

        public boolean anyClaimable() {
            return lines.stream().anyMatch(l -> l.row().claimable());
        }

        public long claimedCount() {
            return claims.stream().filter(Claimed::claimed).count();
        }

        public List<Claimed> notClaimed() {
            return claims.stream().filter(c -> !c.claimed()).toList();
        }
    }

    @Inject
    Queue queue;
    @Inject
    Definitions definitions;
    @Inject
    CurrentUser user;
    @Inject
    TimeSource time;

    @Inject
    CaseProcess process;
    @Inject
    TaskService tasks;
    @Inject
    org.evenhand.common.Commands commands;

    /**
     * Bulk claim: each task through the same use case as a single claim (TaskService.claim, one
     * transaction each), so one taken first by someone else does not undo the others. A task the
     * handler was never offered is not named.
     */
    public List<Claimed> claimAll(BulkClaim command) {
        commands.check(command);
        String me = user.username();
        return command.task().stream().distinct().map(id -> {
            CaseProcess.WorkItem t = process.task(id).orElse(null);
            if (t == null || !(me.equals(t.assignee()) || t.candidates().contains(me))) {
                return new Claimed("A task", null, false, "It is not offered to you, or it is finished.");
            }
            String title = TaskKind.find(t.kind()).filter(TaskKind::isTask).map(TaskKind::title).orElse(t.name());
            try {
                tasks.claim(id, me);
                return new Claimed(title, t.caseRef(), true, null);
            } catch (org.evenhand.common.ProblemException e) {
                return new Claimed(title, t.caseRef(), false, "Someone else claimed it first.");
            }
        }).toList();
    }

    /** The page for a query already checked (a refused one is shown as the whole queue, with the form's errors). */
    public Screen screen(String name, QueueQuery query, Form form, String done, List<Claimed> claims) {
        boolean caseworker = user.hasRole(Roles.CASEWORKER);
        Queue.QueuePage p = queue.page(user.username(), caseworker, query);
        Instant now = time.now();
        List<Line> lines = p.items().stream().map(r -> new Line(r, Due.of(r.name(), r.due(), now),
                r.received() == null ? null : Formats.date(r.received()))).toList();
        QueueRules.Sort sort = query.sorting();
        // a panel member is not told how many complained (decision 0034)
        List<Column> columns = java.util.stream.Stream.of(column("Task", QueueRules.SortKey.TASK, query, sort),
                column("Case", QueueRules.SortKey.REF, query, sort), column("Stage", QueueRules.SortKey.STAGE, query, sort),
                column("Tier", QueueRules.SortKey.TIER, query, sort),
                caseworker ? column("Complainants", QueueRules.SortKey.PILE_ON, query, sort) : null,
                column("Time left", QueueRules.SortKey.DUE, query, sort),
                column("Received", QueueRules.SortKey.RECEIVED, query, sort)).filter(java.util.Objects::nonNull).toList();
        int from = Math.max(1, p.page() - 3);
        int to = Math.min(p.pages(), p.page() + 3);
        List<PageLink> links = IntStream.rangeClosed(from, to)
                .mapToObj(n -> new PageLink(n, "/work" + query.onPage(n).asQueryString(), n == p.page())).toList();
        String previous = p.page() > 1 ? "/work" + query.onPage(Math.min(p.page() - 1, p.pages())).asQueryString() : null;
        String next = p.page() < p.pages() ? "/work" + query.onPage(p.page() + 1).asQueryString() : null;
        List<Option> stages = TaskKind.stages().stream().map(k -> new Option(k.id(), k.stageLabel())).toList();
        List<Option> clauses = definitions.current().clauses().stream().map(c -> new Option(c.id(), c.title())).toList();
        List<Option> tiers = IntStream.rangeClosed(1, 4).mapToObj(t -> new Option(String.valueOf(t),
                definitions.tierLabel(t))).toList();
        return new Screen(name, !caseworker, query, form, done, claims, lines, p.total(), p.page(), p.pages(), p.size(),
                columns, links, previous, next, stages, clauses, tiers);
    }

    private static Column column(String label, QueueRules.SortKey key, QueueQuery query, QueueRules.Sort sort) {
        String aria = sort.key() == key ? (sort.descending() ? "descending" : "ascending") : null;
        return new Column(label, key.id(), "/work" + query.sortedBy(QueueRules.Sort.toggle(sort, key)).asQueryString(),
                aria);
    }

    /** The form as the query fills it, so that the search form shows the question asked. */
    public static Form form(QueueQuery q) {
        return Form.empty().set("q", q.q()).set("stage", q.stage()).set("clause", q.clause()).set("tier", q.tier())
                .set("overdue", q.overdue()).set("pileOn", q.pileOn()).set("holder", q.holder()).set("sort", q.sort())
                .set("size", q.size());
    }
}
