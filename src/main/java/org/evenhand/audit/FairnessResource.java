package org.evenhand.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evenhand.audit.FairnessQueries.Filter;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Roles;

/** The fairness audit for the NEC: the report on demand, and the reports kept. */
@Path("/api/audit")
@Tag(name = "Fairness audit")
@RolesAllowed(Roles.NEC)
public class FairnessResource {

    static final String CSV = "text/csv";
    static final String PDF = "application/pdf";

    @Inject
    FairnessReportService reports;
    @Inject
    CurrentUser user;
    @Inject
    TimeSource time;

    @GET
    @Path("/fairness")
    @Produces({ MediaType.APPLICATION_JSON, CSV, PDF })
    @Operation(summary = "Fairness report for a period: rates by faction for respondents and complainants,"
            + " comparisons with intervals and tests, within severity tiers and clauses; small counts suppressed",
            description = "The period is quarter=2026-Q1, or from and to (inclusive dates, UK time). JSON by default;"
                    + " CSV or PDF by Accept header or format=csv|pdf.")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FairnessReport.class)),
            @Content(mediaType = CSV), @Content(mediaType = PDF) })
    @APIResponse(responseCode = "400", description = "Bad period, filter or format (problem+json)")
    public Response fairness(
            @Parameter(description = "A quarter such as 2026-Q1 (instead of from and to)") @QueryParam("quarter") String quarter,
            @Parameter(description = "First day, YYYY-MM-DD") @QueryParam("from") String from,
            @Parameter(description = "Last day, YYYY-MM-DD (inclusive)") @QueryParam("to") String to,
            @Parameter(description = "Only members of this region (as respondent or complainant)") @QueryParam("region") String region,
            @Parameter(description = "Only members of this CLP") @QueryParam("clp") String clp,
            @Parameter(description = "json, csv or pdf (overrides Accept)") @QueryParam("format") String format,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        String f = format(format, accept);
        Period period = Period.parse(quarter, from, to, time.today());
        Filter filter = new Filter(filterValue("region", region), filterValue("clp", clp));
        long t0 = System.nanoTime();
        FairnessReportService.Made made = reports.generate(period, filter, user.username(), "exported as " + f);
        Response r = render(made.report(), f, "fairness-" + period.from() + "-to-" + period.to());
        long total = (System.nanoTime() - t0) / 1_000_000;
        StringBuilder timing = new StringBuilder();
        made.queryTimings().forEach((k, v) -> timing.append("db-").append(k).append(";dur=").append(v).append(", "));
        return Response.fromResponse(r).header("Server-Timing", timing + "db;dur=" + made.queryMillis()
                + ", analysis;dur=" + (made.totalMillis() - made.queryMillis()) + ", total;dur=" + total).build();
    }

    public record KeepRequest(@Size(max = 7) String quarter, LocalDate from, LocalDate to) {
    }

    public record KeptSummary(long id, String kind, LocalDate from, LocalDate to, Instant generatedAt,
            String generatedBy, String dataSha256, String href, Instant publishedAt) {
    }

    @POST
    @Path("/reports")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make and keep a report for a period (quarterly reports are made and kept automatically)")
    @APIResponse(responseCode = "201", description = "Kept; Location is the report")
    @APIResponse(responseCode = "400", description = "Bad period (problem+json)")
    public Response keep(@Valid @NotNull KeepRequest body) {
        Period period = Period.parse(body.quarter(), body.from() == null ? null : body.from().toString(),
                body.to() == null ? null : body.to().toString(), time.today());
        AuditReport a = reports.keep(AuditReport.ON_DEMAND, period, user.username());
        return Response.created(URI.create("/api/audit/reports/" + a.id)).entity(summary(a)).build();
    }

    @GET
    @Path("/reports")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reports kept: every quarterly report and those kept on request, newest first")
    public List<KeptSummary> kept() {
        return reports.kept().stream().map(FairnessResource::summary).toList();
    }

    @GET
    @Path("/reports/{id}")
    @Produces({ MediaType.APPLICATION_JSON, CSV, PDF })
    @Operation(summary = "A kept report, exactly as it was made: JSON, CSV or PDF")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FairnessReport.class)),
            @Content(mediaType = CSV), @Content(mediaType = PDF) })
    @APIResponse(responseCode = "404", description = "No such report (problem+json)")
    public Response keptReport(@PathParam("id") String id, @QueryParam("format") String format,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        String f = format(format, accept);
        long n;
        try {
            n = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("report " + id);
        }
        FairnessReport r = reports.kept(n, user.username(), f).orElseThrow(() -> ProblemException.notFound("report " + id));
        return render(r, f, "fairness-report-" + n);
    }

    @POST
    @Path("/reports/{id}/publication")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve a kept quarterly report for publication: it is then listed, with all its"
            + " figures as kept (suppression applied), at /api/published/fairness-reports for anyone")
    @APIResponse(responseCode = "200", description = "Published (publishing again changes nothing)")
    @APIResponse(responseCode = "404", description = "No such report (problem+json)")
    @APIResponse(responseCode = "409", description = "Not a quarterly report (problem+json)")
    public KeptSummary publish(@PathParam("id") String id) {
        long n;
        try {
            n = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("report " + id);
        }
        return summary(reports.publish(n, user.username()));
    }

    private static KeptSummary summary(AuditReport a) {
        return new KeptSummary(a.id, a.kind, a.periodFrom, a.periodTo, a.generatedAt, a.generatedBy, a.dataSha256,
                "/api/audit/reports/" + a.id, a.publishedAt);
    }

    static Response render(FairnessReport r, String format, String name) {
        return switch (format) {
            case "csv" -> Response.ok(ReportCsv.render(r), CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").build();
            case "pdf" -> Response.ok(ReportPdf.render(r), PDF)
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".pdf\"").build();
            default -> Response.ok(r, MediaType.APPLICATION_JSON).build();
        };
    }

    /** format=json|csv|pdf wins; otherwise the first of those the Accept header names; otherwise JSON. */
    static String format(String format, String accept) {
        if (format != null) {
            String f = format.strip().toLowerCase(Locale.ROOT);
            if (!List.of("json", "csv", "pdf").contains(f)) {
                throw ProblemException.invalidField("format", "expected json, csv or pdf");
            }
            return f;
        }
        if (accept != null) {
            for (String part : accept.split(",")) {
                String type = part.split(";")[0].strip().toLowerCase(Locale.ROOT);
                if (type.equals(CSV)) {
                    return "csv";
                }
                if (type.equals(PDF)) {
                    return "pdf";
                }
                if (type.equals(MediaType.APPLICATION_JSON)) {
                    return "json";
                }
            }
        }
        return "json";
    }

    /** A region or CLP asked for (here and on the report page): null when blank, at most 100 characters. */
    static String filterValue(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 100) {
            throw ProblemException.invalidField(field, "at most 100 characters");
        }
        return value.strip();
    }
}
