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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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

        static native TemplateInstance diff(DiffView.DiffPage page);

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
        return html(200, Templates.diff(new DiffView(catalog, json).page(a.get(), b.get(),
                versionLinks(b.get().id(), today))));
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
