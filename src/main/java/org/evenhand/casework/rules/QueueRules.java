package org.evenhand.casework.rules;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The staff queue's rules, as plain code (decision 0034): the bounds of a page, the sort keys and
 * their order, what counts as overdue, and what a search matches. A search matches a case's
 * reference, and, only where the reader may see who the parties are, their names and membership
 * numbers: never anything a member wrote or posted.
 */
public final class QueueRules {

    public static final int DEFAULT_SIZE = 25;
    public static final int MAX_SIZE = 100;
    public static final int MAX_PAGE = 10_000;
    public static final int MAX_SEARCH = 100;

    /** What a queue can be sorted by; the column headers link to each, both ways. */
    public enum SortKey {
        DUE("due"), REF("ref"), RECEIVED("received"), TASK("task"), STAGE("stage"), TIER("tier"), PILE_ON("pileOn");

        private final String id;

        SortKey(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Optional<SortKey> find(String id) {
            return java.util.Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
        }
    }

    /** A sort: a key and its direction ("-due": latest due first). */
    public record Sort(SortKey key, boolean descending) {

        public static final Sort DEFAULT = new Sort(SortKey.DUE, false);

        /** "due", "-tier"; blank is the default (soonest due first); anything else is refused (empty). */
        public static Optional<Sort> parse(String s) {
            if (s == null || s.isBlank()) {
                return Optional.of(DEFAULT);
            }
            boolean desc = s.startsWith("-");
            return SortKey.find(desc ? s.substring(1) : s).map(k -> new Sort(k, desc));
        }

        public String id() {
            return (descending ? "-" : "") + key.id();
        }

        /** The sort a column header links to: this key ascending, or descending when it is already the sort. */
        public static String toggle(Sort current, SortKey key) {
            return current.key() == key && !current.descending() ? "-" + key.id() : key.id();
        }
    }

    /** What a queue row offers the rules: the keys it sorts and filters on. */
    public interface Sortable {
        String id();

        String caseRef();

        Instant due();

        Instant received();

        String taskTitle();

        String stageLabel();

        int tier();

        /** How many complained (null where the reader may not know: a panel member). */
        Integer pileOn();
    }

    private QueueRules() {
    }

    /** A task is overdue from the moment it falls due; a task with no target never is. */
    public static boolean overdue(Instant due, Instant now) {
        return due != null && !due.isAfter(now);
    }

    /** A pile-on: more than one member complained about the same conduct. */
    public static boolean pileOn(Integer complainants) {
        return complainants != null && complainants > 1;
    }

    public static int size(Integer size) {
        return size == null ? DEFAULT_SIZE : Math.max(1, Math.min(MAX_SIZE, size));
    }

    public static int page(Integer page) {
        return page == null ? 1 : Math.max(1, Math.min(MAX_PAGE, page));
    }

    public static int offset(int page, int size) {
        return (page - 1) * size;
    }

    /** How many pages a total makes (at least one, so that an empty queue is "page 1 of 1"). */
    public static int pages(long total, int size) {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    /** The search as compared: trimmed, lower case; null when blank. */
    public static String normalise(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        return q.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /**
     * Whether a row matches the search: its case reference, or (only when the reader may see who the
     * parties are) one of the parties' names or membership numbers. {@code q} is normalised.
     */
    public static boolean matches(String q, String ref, boolean identitiesShown, List<String> namesAndNumbers) {
        if (q == null) {
            return true;
        }
        if (ref != null && ref.toLowerCase(Locale.ROOT).contains(q)) {
            return true;
        }
        return identitiesShown && namesAndNumbers.stream()
                .anyMatch(s -> s != null && s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").contains(q));
    }

    /** The order for a sort; ties go to the soonest due, then the reference, so that pages never overlap. */
    public static <T extends Sortable> Comparator<T> order(Sort sort) {
        Comparator<T> primary = switch (sort.key()) {
            case DUE -> Comparator.comparing(T::due, Comparator.nullsLast(Comparator.naturalOrder()));
            case REF -> Comparator.comparing(T::caseRef);
            case RECEIVED -> Comparator.comparing(T::received, Comparator.nullsLast(Comparator.naturalOrder()));
            case TASK -> Comparator.comparing(T::taskTitle, Comparator.nullsLast(Comparator.naturalOrder()));
            case STAGE -> Comparator.comparing(T::stageLabel, Comparator.nullsLast(Comparator.naturalOrder()));
            case TIER -> Comparator.comparingInt(T::tier);
            case PILE_ON -> Comparator.comparing(T::pileOn, Comparator.nullsFirst(Comparator.naturalOrder()));
        };
        if (sort.descending()) {
            primary = primary.reversed();
        }
        Comparator<T> ties = Comparator.comparing(T::due, Comparator.nullsLast(Comparator.<Instant>naturalOrder()));
        return primary.thenComparing(ties).thenComparing(T::caseRef).thenComparing(T::id);
    }
}
