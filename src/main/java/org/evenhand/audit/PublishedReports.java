package org.evenhand.audit;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evenhand.common.ProblemException;
import org.evenhand.web.Html;

/**
 * The fairness reports the NEC approved for publication, for anyone, without signing in: a page
 * and JSON listing them with their parameters, data hash and definition versions, and each report
 * as kept (every count suppressed as in the kept report; nothing more is read). What regulators
 * asked parties to publish every quarter.
 */
@PermitAll
@Tag(name = "Published fairness reports")
@Path("/")
public class PublishedReports {

    public record Published(long id, LocalDate from, LocalDate to, Instant publishedAt, String dataSha256,
            FairnessReport.Parameters parameters, List<FairnessReport.DefinitionVersionRef> definitionVersions,
            String href, String pdf) {
    }

    public record PublishedPage(List<Published> reports) {
    }

    @CheckedTemplate(basePath = "AuditPages")
    static class Templates {
        static native TemplateInstance published(PublishedPage page);
    }

    @Inject
    FairnessReportService reports;

    List<Published> list() {
        return reports.published().stream().map(a -> {
            FairnessReport r = reports.published(a.id).orElseThrow();
            return new Published(a.id, a.periodFrom, a.periodTo, a.publishedAt, a.dataSha256, r.parameters(),
                    r.definitionVersions(), "/api/published/fairness-reports/" + a.id,
                    "/api/published/fairness-reports/" + a.id + "?format=pdf");
        }).toList();
    }

    @GET
    @Path("api/published/fairness-reports")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Fairness reports published by the NEC, newest period first (no sign-in needed)")
    public List<Published> published() {
        return list();
    }

    @GET
    @Path("api/published/fairness-reports/{id}")
    @Produces({ MediaType.APPLICATION_JSON, FairnessResource.PDF })
    @Operation(summary = "A published fairness report, exactly as kept: JSON or PDF (no sign-in needed)")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FairnessReport.class)),
            @Content(mediaType = FairnessResource.PDF) })
    @APIResponse(responseCode = "404", description = "No such published report (problem+json)")
    public Response report(@PathParam("id") String id, @QueryParam("format") String format,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        String f = FairnessResource.format(format, accept);
        if (f.equals("csv")) {
            throw ProblemException.invalidField("format", "expected json or pdf");
        }
        long n;
        try {
            n = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("published report " + id);
        }
        FairnessReport r = reports.published(n).orElseThrow(() -> ProblemException.notFound("published report " + id));
        return FairnessResource.render(r, f, "fairness-report-" + n);
    }

    @GET
    @Path("published/fairness-reports")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response page() {
        return Html.ok(Templates.published(new PublishedPage(list())));
    }
}
