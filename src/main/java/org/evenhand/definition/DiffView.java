package org.evenhand.definition;

import static org.evenhand.definition.DefinitionPage.date;
import static org.evenhand.definition.DefinitionPage.tierLabel;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The diff page's view: two published versions compared item by item, every id resolved to its
 * title, text fields with a word diff (DefinitionPage serves it at /definition/diff).
 */
public final class DiffView {

    private final DefinitionCatalog catalog;
    private final ObjectMapper json;

    DiffView(DefinitionCatalog catalog, ObjectMapper json) {
        this.catalog = catalog;
        this.json = json;
    }

    /** Two versions compared, item by item, with every id resolved to its title. */
    public record DiffPage(DefinitionVersion from, DefinitionVersion to, String fromEffective, String toEffective,
            boolean backwards, List<Summary> summaries, List<DiffSection> sections, TierChange tierChange,
            List<DefinitionPage.VersionLink> versions, boolean noChanges) {
    }

    public record Summary(String versionId, List<String> changes) {
    }

    public record DiffSection(String heading, String anchorPrefix, List<Item> added, List<Item> removed,
            List<ChangedItem> changed) {

        public boolean empty() {
            return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
        }
    }

    /** An item that exists in only one of the two versions; href points into that version's page. */
    public record Item(String id, String title, String href) {
    }

    public record ChangedItem(String id, String title, String href, List<FieldChange> fields) {
    }

    /**
     * One field that differs. Text fields carry a word diff and both full texts; list fields
     * carry the entries taken out and put in; numbers carry before and after.
     */
    public record FieldChange(String label, List<WordDiff.Segment> words, String before, String after,
            List<String> removed, List<String> added) {

        public boolean isText() {
            return words != null;
        }

        public boolean isList() {
            return removed != null;
        }
    }

    public record TierChange(boolean changed, List<TierRow> rows) {
    }

    public record TierRow(String label, List<String> before, List<String> after, boolean changed) {
    }

    /** The page comparing version a with version b; versions are the links to every version, b shown. */
    DiffPage page(DefinitionVersion a, DefinitionVersion b, List<DefinitionPage.VersionLink> versions) {
        DefinitionDiff d = DefinitionDiff.between(a, b, json);
        boolean backwards = a.effectiveFrom().isAfter(b.effectiveFrom());
        List<Summary> summaries = new ArrayList<>();
        if (!backwards) {
            for (DefinitionVersion v : catalog.versions()) {
                if (v.effectiveFrom().isAfter(a.effectiveFrom()) && !v.effectiveFrom().isAfter(b.effectiveFrom())
                        && v.summaryOfChanges() != null && !v.summaryOfChanges().isEmpty()) {
                    summaries.add(new Summary(v.id(), v.summaryOfChanges()));
                }
            }
        }
        List<DiffSection> sections = List.of(
                section("Clauses", "", d.clauses(), a, b, DefinitionVersion::clauses, DefinitionVersion.Clause::id,
                        DefinitionVersion.Clause::title),
                section("Aggravating and mitigating factors", "factor-", d.factors(), a, b,
                        DefinitionVersion::factors, DefinitionVersion.Factor::id, DefinitionVersion.Factor::title),
                section("What is not abuse", "not-abuse-", d.notAbuse(), a, b, DefinitionVersion::notAbuse,
                        DefinitionVersion.NotAbuse::id, DefinitionVersion.NotAbuse::title),
                section("Sanctions", "sanction-", d.sanctions(), a, b, DefinitionVersion::sanctions,
                        DefinitionVersion.Sanction::id, DefinitionVersion.Sanction::title));
        List<TierRow> rows = new ArrayList<>();
        for (int t = 1; t <= 4; t++) {
            List<String> before = titles(a, a.sanctionsForTier(t));
            List<String> after = titles(b, b.sanctionsForTier(t));
            rows.add(new TierRow(tierLabel(t), before, after, !before.equals(after)));
        }
        boolean none = !d.tierSanctionsChanged() && sections.stream().allMatch(DiffSection::empty);
        return new DiffPage(a, b, date(a.effectiveFrom()), date(b.effectiveFrom()), backwards, summaries, sections,
                new TierChange(d.tierSanctionsChanged(), rows), versions, none);
    }

    private <T> DiffSection section(String heading, String prefix, DefinitionDiff.Section s, DefinitionVersion a,
            DefinitionVersion b, Function<DefinitionVersion, List<T>> items, Function<T, String> id,
            Function<T, String> title) {
        List<Item> added = s.added().stream().map(x -> item(b, prefix, x, find(items.apply(b), id, x), title))
                .toList();
        List<Item> removed = s.removed().stream().map(x -> item(a, prefix, x, find(items.apply(a), id, x), title))
                .toList();
        List<ChangedItem> changed = new ArrayList<>();
        for (DefinitionDiff.Changed c : s.changed()) {
            T was = find(items.apply(a), id, c.id());
            T now = find(items.apply(b), id, c.id());
            Map<?, ?> x = json.convertValue(was, Map.class);
            Map<?, ?> y = json.convertValue(now, Map.class);
            List<FieldChange> fields = c.fields().stream()
                    .map(f -> fieldChange(f, x.get(f), y.get(f), a, b)).toList();
            changed.add(new ChangedItem(c.id(), title.apply(now), href(b, prefix, c.id()), fields));
        }
        return new DiffSection(heading, prefix, added, removed, changed);
    }

    private static <T> Item item(DefinitionVersion v, String prefix, String itemId, T item,
            Function<T, String> title) {
        return new Item(itemId, title.apply(item), href(v, prefix, itemId));
    }

    private static String href(DefinitionVersion v, String prefix, String itemId) {
        // factors are listed under each clause, not on their own, so link to the version only
        return "/definition/" + v.id() + (prefix.equals("factor-") ? "" : "#" + prefix + itemId);
    }

    private static <T> T find(List<T> items, Function<T, String> id, String wanted) {
        return items.stream().filter(i -> id.apply(i).equals(wanted)).findFirst().orElseThrow();
    }

    private static final Map<String, String> FIELD_LABELS = Map.ofEntries(
            Map.entry("title", "Title"),
            Map.entry("test", "The test"),
            Map.entry("tier", "Tier"),
            Map.entry("breachExamples", "Examples of a breach"),
            Map.entry("notBreachExamples", "Examples that are not a breach"),
            Map.entry("aggravating", "Aggravating factors that count"),
            Map.entry("mitigating", "Mitigating factors that count"),
            Map.entry("kind", "Kind of factor"),
            Map.entry("description", "Description"),
            Map.entry("examples", "Examples"),
            Map.entry("rung", "Rung on the ladder"),
            Map.entry("expiresAfterMonths", "Expires after (months)"),
            Map.entry("maxMonths", "Longest allowed (months)"));

    private FieldChange fieldChange(String field, Object before, Object after, DefinitionVersion a,
            DefinitionVersion b) {
        String label = FIELD_LABELS.getOrDefault(field, field);
        if (before instanceof Collection<?> || after instanceof Collection<?>) {
            List<String> was = strings(before);
            List<String> now = strings(after);
            boolean factorIds = field.equals("aggravating") || field.equals("mitigating");
            List<String> removed = was.stream().filter(s -> !now.contains(s))
                    .map(s -> factorIds ? factorTitle(a, s) : s).toList();
            List<String> added = now.stream().filter(s -> !was.contains(s))
                    .map(s -> factorIds ? factorTitle(b, s) : s).toList();
            return new FieldChange(label, null, null, null, removed, added);
        }
        if (field.equals("tier")) {
            return new FieldChange(label, null, tierText(before), tierText(after), null, null);
        }
        if (before instanceof String || after instanceof String) {
            String x = before == null ? "" : before.toString();
            String y = after == null ? "" : after.toString();
            return new FieldChange(label, WordDiff.between(x, y), x, y, null, null);
        }
        return new FieldChange(label, null, before == null ? "none" : before.toString(),
                after == null ? "none" : after.toString(), null, null);
    }

    private static String tierText(Object tier) {
        return tier instanceof Number n ? tierLabel(n.intValue()) : Objects.toString(tier, "none");
    }

    private static String factorTitle(DefinitionVersion v, String id) {
        return v.factor(id).map(DefinitionVersion.Factor::title).orElse(id);
    }

    private static List<String> strings(Object value) {
        return value instanceof Collection<?> c ? c.stream().map(String::valueOf).toList() : List.of();
    }

    private static List<String> titles(DefinitionVersion v, List<String> sanctionIds) {
        return sanctionIds.stream().map(s -> v.sanction(s).map(DefinitionVersion.Sanction::title).orElse(s))
                .toList();
    }
}
