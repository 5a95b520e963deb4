package org.evenhand.casework;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.evenhand.casework.rules.QueueRules;

/**
 * A question put to the staff queue (GET /api/tasks and GET /work take the same parameters): a search
 * over case references and the parties' names and membership numbers, filters, a sort and a page.
 * Every field comes as typed in the address and is checked once, here; blank means "any".
 */
public record QueueQuery(
        @Size(max = QueueRules.MAX_SEARCH, message = "{casework.queue.q.max}") String q,
        @Pattern(regexp = "[A-Za-z]{1,40}", message = "{casework.queue.stage}") String stage,
        @Pattern(regexp = "[A-Za-z0-9_-]{1,60}", message = "{casework.queue.clause}") String clause,
        @Pattern(regexp = "[1-9]", message = "{casework.queue.tier}") String tier,
        @Pattern(regexp = "true|false|yes|no|on", message = "{casework.queue.yesNo}") String overdue,
        @Pattern(regexp = "true|false|yes|no|on", message = "{casework.queue.yesNo}") String pileOn,
        @Pattern(regexp = "mine|offered", message = "{casework.queue.holder}") String holder,
        String sort,
        @Pattern(regexp = "[1-9][0-9]{0,3}|10000", message = "{casework.queue.page}") String page,
        @Pattern(regexp = "[1-9][0-9]?|100", message = "{casework.queue.size}") String size) {

    public static final QueueQuery ALL = new QueueQuery(null, null, null, null, null, null, null, null, null, null);

    public QueueQuery {
        q = blankToNull(q);
        stage = blankToNull(stage);
        clause = blankToNull(clause);
        tier = blankToNull(tier);
        overdue = blankToNull(overdue);
        pileOn = blankToNull(pileOn);
        holder = blankToNull(holder);
        sort = blankToNull(sort);
        page = blankToNull(page);
        size = blankToNull(size);
    }

    @AssertTrue(message = "{casework.queue.sort}")
    boolean isSort() {
        return QueueRules.Sort.parse(sort).isPresent();
    }

    public QueueRules.Sort sorting() {
        return QueueRules.Sort.parse(sort).orElse(QueueRules.Sort.DEFAULT);
    }

    public String search() {
        return QueueRules.normalise(q);
    }

    public Integer tierNumber() {
        return tier == null ? null : Integer.valueOf(tier);
    }

    public boolean onlyOverdue() {
        return yes(overdue);
    }

    public boolean onlyPileOns() {
        return yes(pileOn);
    }

    public int pageNumber() {
        return QueueRules.page(page == null ? null : Integer.valueOf(page));
    }

    public int pageSize() {
        return QueueRules.size(size == null ? null : Integer.valueOf(size));
    }

    /** The same question on another page. */
    public QueueQuery onPage(int n) {
        return new QueueQuery(q, stage, clause, tier, overdue, pileOn, holder, sort, String.valueOf(n), size);
    }

    /** The same question sorted otherwise, from its first page. */
    public QueueQuery sortedBy(String s) {
        return new QueueQuery(q, stage, clause, tier, overdue, pileOn, holder, s, null, size);
    }

    /** The query string that asks this again ("" for the whole queue), for links that keep the question. */
    public String asQueryString() {
        StringBuilder b = new StringBuilder();
        add(b, "q", q);
        add(b, "stage", stage);
        add(b, "clause", clause);
        add(b, "tier", tier);
        add(b, "overdue", overdue);
        add(b, "pileOn", pileOn);
        add(b, "holder", holder);
        add(b, "sort", sort);
        add(b, "page", page);
        add(b, "size", size);
        return b.toString();
    }

    private static void add(StringBuilder b, String name, String value) {
        if (value != null) {
            b.append(b.isEmpty() ? "?" : "&").append(name).append('=')
                    .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static boolean yes(String v) {
        return "true".equals(v) || "yes".equals(v) || "on".equals(v);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
