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
    /** The page a version's items link to: a published version's public page, or a draft's. */
    private final Function<DefinitionVersion, String> pageOf;

    DiffView(DefinitionCatalog catalog, ObjectMapper json) {
        this(catalog, json, v -> "/definition/" + v.id());
    }

    DiffView(DefinitionCatalog catalog, ObjectMapper json, Function<DefinitionVersion, String> pageOf) {
        this.catalog = catalog;
        this.json = json;
        this.pageOf = pageOf;
    }

    /** Two versions compared, item by item, with every id resolved to its title. */
    public record DiffPage(DefinitionVersion from, DefinitionVersion to, String fromEffective, String toEffective,
            boolean backwards, List<Summary> summaries, List<DiffSection> sections, TierChange tierChange,
            List<DefinitionPage.VersionLink> versions, boolean noChanges, Names names) {
    }

    /** How the page names the two sides: as a heading ("Version 2026.1", "The draft") and in a sentence. */
    public record Names(String fromTitle, String fromText, String toTitle, String toText) {

        static Names of(DefinitionVersion a, DefinitionVersion b) {
            return new Names("Version " + a.id(), "version " + a.id(), "Version " + b.id(), "version " + b.id());
        }
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
        return compare(a, b, backwards, summaries, versions, Names.of(a, b));
    }

    /** A draft compared with the published version it started from; its own summary of changes is the summary. */
    DiffPage draft(DefinitionVersion base, DefinitionVersion draft) {
        List<Summary> summaries = draft.summaryOfChanges() == null || draft.summaryOfChanges().isEmpty() ? List.of()
                : List.of(new Summary(draft.id(), draft.summaryOfChanges()));
        return compare(base, draft, false, summaries, List.of(),
                new Names("Version " + base.id(), "version " + base.id(), "The draft", "the draft"));
    }

    private DiffPage compare(DefinitionVersion a, DefinitionVersion b, boolean backwards, List<Summary> summaries,
            List<DefinitionPage.VersionLink> versions, Names names) {
        DefinitionDiff d = DefinitionDiff.between(a, b, json);
        List<DiffSection> sections = List.of(general(a, b),
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
                new TierChange(d.tierSanctionsChanged(), rows), versions, none, names);
    }

    /** The title and the introduction, which are no item's, word by word. */
    private DiffSection general(DefinitionVersion a, DefinitionVersion b) {
        List<ChangedItem> changed = new ArrayList<>();
        if (!Objects.equals(a.title(), b.title())) {
            changed.add(new ChangedItem("title", "Title", pageOf.apply(b), List.of(fieldChange("title", a.title(),
                    b.title(), a, b))));
        }
        if (!Objects.equals(a.introduction(), b.introduction())) {
            changed.add(new ChangedItem("introduction", "Introduction", pageOf.apply(b) + "#introduction",
                    List.of(fieldChange("introduction", a.introduction(), b.introduction(), a, b))));
        }
        return new DiffSection("Title and introduction", "", List.of(), List.of(), changed);
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

    private <T> Item item(DefinitionVersion v, String prefix, String itemId, T item, Function<T, String> title) {
        return new Item(itemId, title.apply(item), href(v, prefix, itemId));
    }

    private String href(DefinitionVersion v, String prefix, String itemId) {
        // factors are listed under each clause, not on their own, so link to the version only
        return pageOf.apply(v) + (prefix.equals("factor-") ? "" : "#" + prefix + itemId);
    }

    private static <T> T find(List<T> items, Function<T, String> id, String wanted) {
        return items.stream().filter(i -> id.apply(i).equals(wanted)).findFirst().orElseThrow();
    }

    private static final Map<String, String> FIELD_LABELS = Map.ofEntries(
            Map.entry("title", "Title"),
            Map.entry("introduction", "Introduction"),
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
