package org.evenhand.audit;

import org.evenhand.web.PageErrors;
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
import org.evenhand.audit.AuditViews.Query;
import org.evenhand.audit.AuditViews.ReportPage;
import org.evenhand.audit.stats.Comparison;
import org.evenhand.audit.stats.Verdict;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Member;
import org.evenhand.identity.Roles;
import org.evenhand.web.Form;
import org.evenhand.web.Html;

/**
 * The fairness report for the NEC as a page: tables and charts, suppressed cells marked, every call
 * explained in words, PDF and CSV downloads, kept reports. Kept inside the audit package (faction
 * data never leave it); the same service as the API makes the report and records it on the trail.
 */
@Path("/nec/audit")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.NEC)
public class AuditPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance report(ReportPage page, Form form);
    }

    @Inject
    FairnessReportService reports;
    @Inject
    ReportPageMaker pages;
    @Inject
    AuditChoices choices;
    @Inject
    AuditConfig config;
    @Inject
    TimeSource time;
    @Inject
    CurrentUser user;
    @Inject
    ObjectMapper json;


    // ------------------------------------------------------------ the fairness report (NEC)

    @GET
        @Operation(hidden = true)
    public Response report(@QueryParam("quarter") String quarter, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("region") String region, @QueryParam("clp") String clp,
            @QueryParam("done") String done) {
        // Dates given win over the quarter control (the form sends both).
        boolean dates = !blank(from) || !blank(to);
        boolean none = blank(quarter) && !dates;
        Period latest = choices.latestQuarterWithData(time.today());
        Query q = new Query(none ? AuditViews.quarterOf(latest) : dates ? null : quarter.strip(),
                blank(from) ? null : from.strip(), blank(to) ? null : to.strip(), blank(region) ? null : region.strip(),
                blank(clp) ? null : clp.strip());
        Form form = Form.empty().set("quarter", q.quarter()).set("from", q.from()).set("to", q.to())
                .set("region", q.region()).set("clp", q.clp());
        Period period;
        Filter filter;
        try {
            period = Period.parse(q.quarter(), q.from(), q.to(), time.today());
            filter = new Filter(choice("region", q.region(), choices.regions()),
                    choice("clp", q.clp(), choices.clps()));
        } catch (ProblemException e) {
            PageErrors.onto(form, e, Map.of("quarter", "quarter", "from", "from", "to", "to", "region", "region",
                    "clp", "clp"), "quarter");
            FairnessReport r = reports.generate(latest, new Filter(null, null), user.username(), "viewed").report();
            return Html.page(400, Templates.report(pages.page(r, new Query(AuditViews.quarterOf(latest), null, null,
                    null, null), null, null), form));
        }
        FairnessReport r = reports.generate(period, filter, user.username(), "viewed").report();
        return Html.ok(Templates.report(pages.page(r, q, null, "kept".equals(done) ? "The report is kept. Its figures will"
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
        Filter filter = new Filter(FairnessResource.filterValue("region", region),
                FairnessResource.filterValue("clp", clp));
        FairnessReport r = reports.generate(period, filter, user.username(), "exported as " + f).report();
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
        String message = "kept".equals(done) ? "The report is kept. Its figures will not change, and it can be"
                + " downloaded again at any time from the list of kept reports."
                : "published".equals(done) ? "The report is published: anyone can read it, without signing in, on the"
                        + " page of published fairness reports." : null;
        return Html.ok(Templates.report(pages.page(r, q, id, message), form));
    }

    @POST
    @Path("reports/{id}/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response publish(@PathParam("id") long id) {
        reports.publish(id, user.username());
        return Html.seeOther("/nec/audit/reports/" + id + "?done=published");
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

    /** A region or CLP, which must be one that members belong to. */
    private static String choice(String field, String value, List<String> known) {
        String v = FairnessResource.filterValue(field, value);
        if (v != null && !known.contains(v)) {
            throw ProblemException.invalidField(field, "no member belongs to " + ("clp".equals(field) ? "a CLP" : "a region")
                    + " called '" + v + "': choose one from the list");
        }
        return v;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

}
