package org.evenhand.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.evenhand.audit.FairnessQueries.Filter;
import org.evenhand.audit.FairnessReport.Count;
import org.evenhand.audit.stats.Comparison;
import org.evenhand.audit.stats.Verdict;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Member;
import org.evenhand.identity.Roles;
import org.evenhand.pages.Form;
import org.evenhand.pages.Html;
import org.evenhand.pages.PageErrors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The fairness report for the NEC as a page: tables and charts, suppressed cells marked, every call
 * explained in words, PDF and CSV downloads, kept reports. Kept inside the audit package (faction
 * data never leave it); the same service as the API makes the report and records it on the trail.
 */
@Path("/nec/audit")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.NEC)
public class AuditPages {

    static final Map<String, String> GROUPS = Map.of("left", "Left", "soft-left", "Soft left", "centre", "Centre",
            "right", "Right", FairnessReport.PREFER_NOT_TO_SAY, "Prefer not to say", FairnessReport.UNDECLARED,
            "Undeclared", FairnessReport.ALL, "All members");

    // ------------------------------------------------------------ view models

    /** A count as a cell shows it: the number, or that it is suppressed and why. */
    public record Cell(String text, boolean suppressed, String why) {

        static Cell of(Count c, int threshold) {
            if (c == null) {
                return new Cell("", false, null);
            }
            if (c.published()) {
                return new Cell(String.format(Locale.UK, "%,d", c.value()), false, null);
            }
            return new Cell("suppressed", true, "primary".equals(c.suppressed())
                    ? "fewer than " + threshold + " cases" : "would let a small count be worked out");
        }
    }

    public record Call(String code, String label, String explanation) {

        public boolean flagged() {
            return "flagged".equals(code);
        }
    }

    public record RateRow(String group, boolean faction, Cell numerator, Cell denominator, String rate, String ratio,
            String interval, Call call) {
    }

    public record RateTable(String id, String label, String description, String numerator, String denominator,
            boolean perThousand, List<RateRow> rows, Call across, boolean anyFlagged) {
    }

    public record TimeRow(String group, Cell cases, String median, String p90, String ratio, Call call) {
    }

    public record TimeTable(String label, String description, List<TimeRow> rows) {
    }

    public record SanctionRow(String group, Cell decided, List<Cell> counts) {
    }

    /** One metric's calls for each faction, for the at-a-glance table. */
    public record GlanceRow(String id, String label, List<GlanceCell> cells) {
    }

    public record GlanceCell(String group, String ratio, Call call) {
    }

    public record RoleView(String id, String heading, String description, List<RateTable> rates, List<TimeTable> times,
            List<String> sanctionTitles, List<SanctionRow> sanctions, Call sanctionsAcross, String chartJson,
            List<String> factionLabels, List<GlanceRow> glance) {

        public String lower() {
            return heading.toLowerCase(Locale.UK);
        }
    }

    public record OpenerRow(String group, Cell firstDecided, Cell firstUpheld, String firstRate, Cell reactDecided,
            Cell reactUpheld, String reactRate, String ratio, Call call) {
    }

    public record CounterRow(String group, Cell complaints, Cell counters, Cell countersDecided, Cell countersUpheld,
            String countersRate, Cell drew, Cell drewDecided, Cell drewUpheld, String drewRate) {
    }

    public record ClauseRow(String title, String tier, Cell decided, String median, String p90, String ratio, Call call) {
    }

    public record Population(String group, Cell members) {
    }

    public record Kept(long id, String kind, String period, String made, String by) {
    }

    public record Query(String quarter, String from, String to, String region, String clp) {

        public String params() {
            StringBuilder sb = new StringBuilder();
            add(sb, "quarter", quarter);
            add(sb, "from", from);
            add(sb, "to", to);
            add(sb, "region", region);
            add(sb, "clp", clp);
            return sb.toString();
        }

        private static void add(StringBuilder sb, String k, String v) {
            if (v != null && !v.isBlank()) {
                sb.append(sb.length() == 0 ? "" : "&").append(k).append('=').append(URLEncoder.encode(v,
                        StandardCharsets.UTF_8));
            }
        }
    }

    public record ReportPage(FairnessReport r, String title, String period, String made, Query query,
            List<String> quarters, String downloadBase, Long keptId, List<String> findings, List<Population> population,
            List<RoleView> roles, String provocationText, List<OpenerRow> openers, List<CounterRow> counters,
            String handlingText, List<ClauseRow> clauses, ClauseRow protectedRow, List<String> method,
            String disclosure, long suppressedCells, List<Kept> kept, String done, int threshold) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance report(ReportPage page, Form form);
    }

    @Inject
    FairnessReportService reports;
    @Inject
    AuditConfig config;
    @Inject
    TimeSource time;
    @Inject
    CurrentUser user;
    @Inject
    PageErrors errors;
    @Inject
    ObjectMapper json;

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return errors.of(e);
    }

    @ServerExceptionMapper
    public io.smallrye.mutiny.Uni<Response> forbidden(io.quarkus.security.ForbiddenException e,
            jakarta.ws.rs.container.ContainerRequestContext request) {
        return errors.forbiddenLater(request);
    }

    // ------------------------------------------------------------ the fairness report (NEC)

    @GET
        @Operation(hidden = true)
    public Response report(@QueryParam("quarter") String quarter, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("region") String region, @QueryParam("clp") String clp,
            @QueryParam("done") String done) {
        boolean none = blank(quarter) && blank(from) && blank(to);
        Query q = none ? new Query(quarterOf(Period.lastCompleteQuarter(time.today())), null, null, region, clp)
                : new Query(blank(quarter) ? null : quarter.strip(), blank(from) ? null : from.strip(),
                        blank(to) ? null : to.strip(), blank(region) ? null : region.strip(), blank(clp) ? null : clp.strip());
        Form form = Form.empty().set("quarter", q.quarter()).set("from", q.from()).set("to", q.to())
                .set("region", q.region()).set("clp", q.clp());
        Period period;
        Filter filter;
        try {
            period = Period.parse(q.quarter(), q.from(), q.to(), time.today());
            filter = new Filter(text("region", q.region()), text("clp", q.clp()));
        } catch (ProblemException e) {
            PageErrors.onto(form, e, Map.of("quarter", "quarter", "from", "from", "to", "to", "region", "region",
                    "clp", "clp"), "quarter");
            Period last = Period.lastCompleteQuarter(time.today());
            FairnessReport r = reports.generate(last, new Filter(null, null), user.username(), "viewed").report();
            return Html.page(400, Templates.report(page(r, new Query(quarterOf(last), null, null, null, null), null,
                    null), form));
        }
        FairnessReport r = reports.generate(period, filter, user.username(), "viewed").report();
        return Html.ok(Templates.report(page(r, q, null, "kept".equals(done) ? "The report is kept. Its figures will"
                + " not change, and it can be downloaded again at any time from the list of kept reports." : null),
                form));
    }

    @GET
    @Path("download")
    @Produces({ "text/csv", "application/pdf" })
    @Operation(hidden = true)
    public Response download(@QueryParam("format") String format, @QueryParam("quarter") String quarter,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("region") String region,
            @QueryParam("clp") String clp) {
        String f = FairnessResource.format(format == null ? "pdf" : format, null);
        Period period = Period.parse(blank(quarter) ? null : quarter, blank(from) ? null : from, blank(to) ? null : to,
                time.today());
        FairnessReport r = reports.generate(period, new Filter(text("region", region), text("clp", clp)),
                user.username(), "exported as " + f).report();
        return file(r, f, "fairness-" + period.from() + "-to-" + period.to());
    }

    @POST
    @Path("reports")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response keep(MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        Period period = Period.parse(form.text("quarter"), form.text("from"), form.text("to"), time.today());
        AuditReport a = reports.keep(AuditReport.ON_DEMAND, period, user.username());
        return Html.seeOther("/nec/audit/reports/" + a.id + "?done=kept");
    }

    @GET
    @Path("reports/{id}")
    @Operation(hidden = true)
    public Response kept(@PathParam("id") long id, @QueryParam("done") String done) {
        FairnessReport r = reports.kept(id, user.username(), "viewed")
                .orElseThrow(() -> ProblemException.notFound("report " + id));
        Query q = new Query(null, r.parameters().from().toString(), r.parameters().to().toString(),
                r.parameters().region(), r.parameters().clp());
        Form form = Form.empty().set("from", q.from()).set("to", q.to()).set("region", q.region()).set("clp", q.clp());
        return Html.ok(Templates.report(page(r, q, id, "kept".equals(done) ? "The report is kept. Its figures will not"
                + " change, and it can be downloaded again at any time from the list of kept reports." : null), form));
    }

    @GET
    @Path("reports/{id}/download")
    @Produces({ "text/csv", "application/pdf" })
    @Operation(hidden = true)
    public Response keptDownload(@PathParam("id") long id, @QueryParam("format") String format) {
        String f = FairnessResource.format(format == null ? "pdf" : format, null);
        FairnessReport r = reports.kept(id, user.username(), f).orElseThrow(() -> ProblemException.notFound("report " + id));
        return file(r, f, "fairness-report-" + id);
    }

    private static Response file(FairnessReport r, String f, String name) {
        return switch (f) {
            case "csv" -> Response.ok(ReportCsv.render(r), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
                    .header("Cache-Control", "no-store").build();
            case "pdf" -> Response.ok(ReportPdf.render(r), "application/pdf")
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".pdf\"")
                    .header("Cache-Control", "no-store").build();
            default -> throw ProblemException.invalidField("format", "expected csv or pdf");
        };
    }

    ReportPage page(FairnessReport r, Query q, Long keptId, String done) {
        int t = r.parameters().suppressionThreshold();
        List<RoleView> roles = r.roles().stream().map(x -> role(x, t)).toList();
        List<OpenerRow> openers = r.provocation() == null ? List.of() : r.provocation().firstMoversAndReactors().stream()
                .map(o -> new OpenerRow(group(o.group()), Cell.of(o.firstMoverDecided(), t),
                        Cell.of(o.firstMoverUpheld(), t), percent(o.firstMoverRate()), Cell.of(o.reactorDecided(), t),
                        Cell.of(o.reactorUpheld(), t), percent(o.reactorRate()),
                        o.reactorVsFirstMover() == null ? "" : ratio(o.reactorVsFirstMover().ratio()),
                        call(o.reactorVsFirstMover()))).toList();
        List<CounterRow> counters = r.provocation() == null ? List.of() : r.provocation().counterComplaints().stream()
                .map(c -> new CounterRow(group(c.group()), Cell.of(c.complaints(), t), Cell.of(c.counterComplaints(), t),
                        Cell.of(c.countersDecided(), t), Cell.of(c.countersUpheld(), t), percent(c.countersUpheldRate()),
                        Cell.of(c.drewCounter(), t), Cell.of(c.drewCounterDecided(), t),
                        Cell.of(c.drewCounterUpheld(), t), percent(c.drewCounterUpheldRate()))).toList();
        List<ClauseRow> clauses = r.handlingTime() == null ? List.of() : r.handlingTime().clauses().stream()
                .map(c -> clause(c, t)).toList();
        ClauseRow prot = r.handlingTime() == null || r.handlingTime().protectedCharacteristics() == null ? null
                : clause(r.handlingTime().protectedCharacteristics(), t);
        List<Kept> kept = reports.kept().stream().limit(12).map(a -> new Kept(a.id,
                AuditReport.ON_DEMAND.equals(a.kind) ? "Kept on request" : "Quarterly", a.periodFrom + " to " + a.periodTo,
                org.evenhand.pages.Formats.when(a.generatedAt), a.generatedBy)).toList();
        String base = keptId == null ? "/nec/audit/download?" + q.params() + "&format="
                : "/nec/audit/reports/" + keptId + "/download?format=";
        return new ReportPage(r, r.title(), org.evenhand.pages.Formats.date(r.parameters().from()) + " to "
                + org.evenhand.pages.Formats.date(r.parameters().to()), org.evenhand.pages.Formats.when(r.generatedAt()),
                q, quarters(), base, keptId, r.findings(),
                r.population().stream().map(p -> new Population(group(p.group()), Cell.of(p.members(), t))).toList(),
                roles, r.provocation() == null ? null : r.provocation().description(), openers, counters,
                r.handlingTime() == null ? null : r.handlingTime().description(), clauses, prot, r.method(),
                r.disclosure() == null ? null : r.disclosure().rule(),
                r.disclosure() == null ? 0 : r.disclosure().primary() + r.disclosure().secondary(), kept, done, t);
    }

    private RoleView role(FairnessReport.RoleSection s, int t) {
        List<RateTable> rates = new ArrayList<>();
        for (FairnessReport.RateMetric m : s.rates()) {
            boolean perThousand = "complaints".equals(m.id());
            List<RateRow> rows = m.groups().stream().map(g -> {
                Comparison c = g.comparison();
                Call call = g.assessment() != null ? call(g.assessment().verdict(), g.assessment().explanation())
                        : c == null ? null : call(c);
                return new RateRow(group(g.group()), isFaction(g.group()), Cell.of(g.numerator(), t),
                        Cell.of(g.denominator(), t), perThousand ? perThousand(g.rate()) : percent(g.rate()),
                        c == null ? "" : ratio(c.ratio()), c == null ? "" : interval(c.ciLower(), c.ciUpper()), call);
            }).toList();
            Call across = m.acrossFactions() == null ? null : call(m.acrossFactions().verdict(),
                    "Across all factions at once: " + m.acrossFactions().reason()
                            + (m.acrossFactions().pValue() == null ? "" : " (chi-squared p " + p(m.acrossFactions().pValue())
                                    + ")") + ".");
            rates.add(new RateTable(m.id(), m.label(), m.description(), m.numerator(), m.denominator(), perThousand, rows,
                    across, rows.stream().anyMatch(x -> x.call() != null && x.call().flagged())));
        }
        List<TimeTable> times = s.times().stream().map(tm -> new TimeTable(tm.label(), tm.description(), tm.groups().stream()
                .map(g -> new TimeRow(group(g.group()), Cell.of(g.cases(), t), days(g.median()), days(g.p90()),
                        ratio(g.medianRatio()), g.verdict() == null ? null : call(g.verdict(), sentence(g.reason()))))
                .toList())).toList();
        FairnessReport.SanctionTable st = s.sanctions();
        List<SanctionRow> sanctions = st == null ? List.of() : st.groups().stream().map(g -> new SanctionRow(
                group(g.group()), Cell.of(g.decided(), t), g.counts().stream().map(c -> Cell.of(c, t)).toList()))
                .toList();
        Call sanctionsAcross = st == null || st.acrossFactions() == null ? null : call(st.acrossFactions().verdict(),
                "Across all factions at once: " + st.acrossFactions().reason() + ".");
        String heading = "respondent".equals(s.role()) ? "Members complained about" : "Members who complained";
        List<String> factionLabels = config.factions().stream().map(AuditPages::group).toList();
        List<GlanceRow> glance = rates.stream().map(m -> new GlanceRow(m.id(), m.label(), m.rows().stream()
                .filter(RateRow::faction).map(r -> new GlanceCell(r.group(), r.ratio(), r.call())).toList())).toList();
        return new RoleView(s.role(), heading, s.description(), rates, times, st == null ? List.of() : st.titles(),
                sanctions, sanctionsAcross, chart(s), factionLabels, glance);
    }

    /** The share-type rates by faction, for the chart (suppressed values are left out, as gaps). */
    private String chart(FairnessReport.RoleSection s) {
        List<String> groups = new ArrayList<>(config.factions());
        groups.add(FairnessReport.ALL);
        List<Map<String, Object>> metrics = new ArrayList<>();
        for (FairnessReport.RateMetric m : s.rates()) {
            if ("complaints".equals(m.id())) {
                continue;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (String g : groups) {
                m.groups().stream().filter(x -> x.group().equals(g)).findFirst().ifPresent(x -> values.put(g,
                        x.rate() == null ? null : Math.round(x.rate() * 1000) / 10.0));
            }
            metrics.add(Map.of("label", m.label(), "values", values));
        }
        Map<String, String> labels = new LinkedHashMap<>();
        groups.forEach(g -> labels.put(g, group(g)));
        try {
            // read by the page's script as JSON text; no '<' can close the script element
            return json.writeValueAsString(Map.of("groups", labels, "metrics", metrics)).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ClauseRow clause(FairnessReport.ClauseTime c, int t) {
        return new ClauseRow(c.title(), c.tier() == null ? "" : "Tier " + c.tier(), Cell.of(c.decided(), t),
                days(c.median()), days(c.p90()), ratio(c.medianRatioToOthers()),
                c.verdict() == null ? null : call(c.verdict(), sentence(c.reason())));
    }

    static Call call(Comparison c) {
        return c == null || c.verdict() == null ? null : call(c.verdict(), sentence(c.reason()));
    }

    static Call call(Verdict v, String explanation) {
        if (v == null) {
            return null;
        }
        String label = switch (v) {
            case FLAGGED -> "Flagged";
            case NOT_FLAGGED -> "Not flagged";
            case INSUFFICIENT_EVIDENCE -> "Too little data";
        };
        return new Call(v.code(), label, explanation);
    }

    static String group(String g) {
        return GROUPS.getOrDefault(g, g);
    }

    boolean isFaction(String g) {
        return config.factions().contains(g);
    }

    static String percent(Double rate) {
        return rate == null ? "" : String.format(Locale.UK, "%.1f%%", rate * 100);
    }

    static String perThousand(Double rate) {
        return rate == null ? "" : String.format(Locale.UK, "%.1f", rate * 1000);
    }

    static String ratio(Double r) {
        return r == null ? "" : String.format(Locale.UK, "%.2f", r);
    }

    static String interval(Double lo, Double hi) {
        return lo == null || hi == null ? "" : String.format(Locale.UK, "%.2f to %.2f", lo, hi);
    }

    static String days(Double d) {
        return d == null ? "" : String.format(Locale.UK, "%.0f", d);
    }

    static String p(Double p) {
        return p == null ? "" : p < 0.0001 ? "< 0.0001" : String.format(Locale.UK, "%.3g", p);
    }

    static String sentence(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        return t.endsWith(".") ? t : t + ".";
    }

    static String quarterOf(Period p) {
        return p.from().getYear() + "-Q" + ((p.from().getMonthValue() - 1) / 3 + 1);
    }

    /** The last eight complete quarters, newest first, for the period chooser. */
    List<String> quarters() {
        List<String> out = new ArrayList<>();
        Period p = Period.lastCompleteQuarter(time.today());
        for (int i = 0; i < 8; i++) {
            out.add(quarterOf(p));
            p = Period.lastCompleteQuarter(p.from());
        }
        return out;
    }

    private static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 100) {
            throw ProblemException.invalidField(field, "at most 100 characters");
        }
        return value.strip();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

}
