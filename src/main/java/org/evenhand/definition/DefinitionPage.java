package org.evenhand.definition;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.evenhand.common.TimeSource;

/**
 * The published definition of abuse as public web pages, for anyone, signed in or not:
 * the version in force today, any earlier or later version, and what changed between two.
 */
@Path("/definition")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class DefinitionPage {

    static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance version(VersionPage page);

        static native TemplateInstance diff(DiffPage page);

        static native TemplateInstance problem(ProblemPage page);
    }

    @Inject
    DefinitionCatalog catalog;
    @Inject
    TimeSource time;
    @Inject
    ObjectMapper json;

    @GET
    @Operation(hidden = true)
    public Response current() {
        return html(200, Templates.version(versionPage(catalog.current(time.today()))));
    }

    @GET
    @Path("/{id}")
    @Operation(hidden = true)
    public Response version(@PathParam("id") String id) {
        return catalog.byId(id)
                .map(v -> html(200, Templates.version(versionPage(v))))
                .orElseGet(() -> problem(404, "Version not found",
                        "There is no published version of the definition of abuse called \u201c" + id + "\u201d."));
    }

    @GET
    @Path("/diff")
    @Operation(hidden = true)
    public Response diff(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate today = time.today();
        Optional<DefinitionVersion> b = blank(to) ? Optional.of(catalog.current(today)) : catalog.byId(to);
        if (b.isEmpty()) {
            return problem(404, "Version not found",
                    "There is no published version of the definition of abuse called \u201c" + to + "\u201d.");
        }
        Optional<DefinitionVersion> a = blank(from) ? previous(b.get()) : catalog.byId(from);
        if (a.isEmpty()) {
            return blank(from)
                    ? problem(400, "Nothing to compare with",
                            "Version " + b.get().id() + " is the first published version, so there is no earlier"
                                    + " version to compare it with.")
                    : problem(404, "Version not found",
                            "There is no published version of the definition of abuse called \u201c" + from + "\u201d.");
        }
        return html(200, Templates.diff(diffPage(a.get(), b.get(), today)));
    }

    // ---------------------------------------------------------------- view models

    /** A version as a member reads it, with every cross-reference already resolved. */
    public record VersionPage(DefinitionVersion version, String effectiveFrom, String publishedAt, Status status,
            List<String> introduction, List<VersionLink> versions, DefinitionVersion previous,
            DefinitionVersion current, List<ClauseView> clauses, List<NotAbuse> notAbuse,
            List<SanctionView> ladder, List<TierView> tiers) {

        public boolean isCurrent() {
            return status.current();
        }

        /** A clause id to show how citations look. */
        public String exampleClauseId() {
            return clauses.isEmpty() ? "harassment" : clauses.get(0).clause().id();
        }
    }

    /** Where a version stands today: in force, replaced by a later one, or not yet in force. */
    public record Status(boolean current, boolean superseded, boolean upcoming, String appliesTo,
            DefinitionVersion successor, String successorFrom) {
    }

    public record VersionLink(String id, String effectiveFrom, String appliesTo, boolean current, boolean shown) {
    }

    public record ClauseView(DefinitionVersion.Clause clause, String tierLabel, List<Factor> aggravating,
            List<Factor> mitigating, List<SanctionView> sanctions) {
    }

    public record Factor(String id, String title, String description) {
    }

    public record NotAbuse(String id, String anchor, String title, String description, List<String> examples) {
    }

    public record SanctionView(String id, int rung, String title, String description, String limit) {

        public String anchor() {
            return "sanction-" + id;
        }
    }

    public record TierView(int tier, String label, List<SanctionView> sanctions,
            List<DefinitionVersion.Clause> clauses) {
    }

    /** Two versions compared, item by item, with every id resolved to its title. */
    public record DiffPage(DefinitionVersion from, DefinitionVersion to, String fromEffective, String toEffective,
            boolean backwards, List<Summary> summaries, List<DiffSection> sections, TierChange tierChange,
            List<VersionLink> versions, boolean noChanges) {
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

    public record ProblemPage(int status, String heading, String message, DefinitionVersion current) {
    }

    // ---------------------------------------------------------------- building the version page

    VersionPage versionPage(DefinitionVersion v) {
        LocalDate today = time.today();
        DefinitionVersion current = catalog.current(today);
        List<SanctionView> ladder = v.sanctions().stream()
                .sorted((x, y) -> Integer.compare(x.rung(), y.rung()))
                .map(DefinitionPage::sanctionView).toList();
        List<ClauseView> clauses = v.clauses().stream().map(c -> new ClauseView(c, tierLabel(c.tier()),
                factors(v, c.aggravating()), factors(v, c.mitigating()), sanctions(v, c.tier()))).toList();
        List<NotAbuse> notAbuse = v.notAbuse().stream().map(n -> new NotAbuse(n.id(), "not-abuse-" + n.id(),
                n.title(), n.description(), n.examples() == null ? List.of() : n.examples())).toList();
        return new VersionPage(v, date(v.effectiveFrom()), date(v.publishedAt()), status(v, today),
                paragraphs(v.introduction()), versionLinks(v.id(), today), previous(v).orElse(null), current,
                clauses, notAbuse, ladder, tiers(v));
    }

    private Status status(DefinitionVersion v, LocalDate today) {
        Optional<DefinitionVersion> next = next(v);
        String appliesTo = next.map(n -> "conduct from " + date(v.effectiveFrom()) + " to "
                + date(n.effectiveFrom().minusDays(1))).orElse("conduct on or after " + date(v.effectiveFrom()));
        String successorFrom = next.map(n -> date(n.effectiveFrom())).orElse(null);
        boolean upcoming = v.effectiveFrom().isAfter(today);
        boolean superseded = !upcoming && next.isPresent() && !next.get().effectiveFrom().isAfter(today);
        return new Status(!upcoming && !superseded, superseded, upcoming, appliesTo, next.orElse(null),
                successorFrom);
    }

    private static List<Factor> factors(DefinitionVersion v, List<String> ids) {
        return ids == null ? List.of() : ids.stream().map(v::factor).flatMap(Optional::stream)
                .map(f -> new Factor(f.id(), f.title(), f.description())).toList();
    }

    private static List<SanctionView> sanctions(DefinitionVersion v, int tier) {
        return v.sanctionsForTier(tier).stream().map(v::sanction).flatMap(Optional::stream)
                .map(DefinitionPage::sanctionView).toList();
    }

    private static SanctionView sanctionView(DefinitionVersion.Sanction s) {
        String limit = null;
        if (s.expiresAfterMonths() != null) {
            limit = "Expires after " + months(s.expiresAfterMonths());
        } else if (s.maxMonths() != null) {
            limit = "At most " + months(s.maxMonths());
        }
        return new SanctionView(s.id(), s.rung(), s.title(), s.description(), limit);
    }

    private static List<TierView> tiers(DefinitionVersion v) {
        List<TierView> tiers = new ArrayList<>();
        for (int t = 1; t <= 4; t++) {
            int tier = t;
            tiers.add(new TierView(tier, tierLabel(tier), sanctions(v, tier),
                    v.clauses().stream().filter(c -> c.tier() == tier).toList()));
        }
        return tiers;
    }

    public static String tierLabel(int tier) {
        String word = switch (tier) {
            case 1 -> "low";
            case 2 -> "moderate";
            case 3 -> "serious";
            case 4 -> "grave";
            default -> null;
        };
        return word == null ? "Tier " + tier : "Tier " + tier + " \u2014 " + word;
    }

    private static String months(int n) {
        return n == 1 ? "1 month" : n + " months";
    }

    static String date(LocalDate d) {
        return d == null ? "" : LONG_DATE.format(d);
    }

    private static List<String> paragraphs(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.strip().split("\\n\\s*\\n")).map(p -> p.strip().replaceAll("\\s*\\n\\s*", " "))
                .filter(p -> !p.isEmpty()).toList();
    }

    private List<VersionLink> versionLinks(String shown, LocalDate today) {
        String current = catalog.current(today).id();
        return catalog.versions().stream().map(x -> new VersionLink(x.id(), date(x.effectiveFrom()),
                status(x, today).appliesTo(), x.id().equals(current), x.id().equals(shown))).toList();
    }

    private Optional<DefinitionVersion> previous(DefinitionVersion v) {
        List<DefinitionVersion> all = catalog.versions();
        int i = all.indexOf(v);
        return i > 0 ? Optional.of(all.get(i - 1)) : Optional.empty();
    }

    private Optional<DefinitionVersion> next(DefinitionVersion v) {
        List<DefinitionVersion> all = catalog.versions();
        int i = all.indexOf(v);
        return i >= 0 && i + 1 < all.size() ? Optional.of(all.get(i + 1)) : Optional.empty();
    }

    // ---------------------------------------------------------------- building the diff page

    DiffPage diffPage(DefinitionVersion a, DefinitionVersion b, LocalDate today) {
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
                new TierChange(d.tierSanctionsChanged(), rows), versionLinks(b.id(), today), none);
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

    // ---------------------------------------------------------------- responses

    private Response problem(int status, String heading, String message) {
        return html(status, Templates.problem(new ProblemPage(status, heading, message,
                catalog.current(time.today()))));
    }

    /** Security headers (CSP with no scripts, nosniff, referrer policy) are set by common.SecurityHeaders. */
    private static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page.render()).build();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
