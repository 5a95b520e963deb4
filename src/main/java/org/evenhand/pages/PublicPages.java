package org.evenhand.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.Period;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.evenhand.casework.ProcessConfig;
import org.evenhand.evidence.EvidenceRecords;
import org.evenhand.evidence.EvidenceService;
import org.evenhand.privacy.PrivacyConfig;

/** Pages for anyone, signed in or not: the start page, how complaints work, how to complain, privacy. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class PublicPages {

    /** The process's time limits in words, as configured for new cases. */
    public record Timings(String triage, String response, String investigation, String panel, String appealWindow,
            String appeal, String suspensionReview) {
    }

    public record PrivacyPage(EvidenceRecords.ConsentNotice notice, String destroyAfter, String anonymiseAfter,
            String legalClaims, String deadline) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home();

        static native TemplateInstance process(Timings t);

        static native TemplateInstance complain(Timings t);

        static native TemplateInstance privacy(PrivacyPage page);
    }

    @Inject
    ProcessConfig process;
    @Inject
    PrivacyConfig privacy;
    @Inject
    EvidenceService evidence;

    @GET
    @Operation(hidden = true)
    public Response home() {
        return Html.ok(Templates.home());
    }

    @GET
    @Path("process")
    @Operation(hidden = true)
    public Response process() {
        return Html.ok(Templates.process(timings()));
    }

    /** The process definition the engine runs, for the diagram viewer (and anyone who wants it). */
    @GET
    @Path("process/complaint.bpmn")
    @Produces("application/xml")
    @Operation(hidden = true)
    public Response bpmn() throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream("workflows/complaint.bpmn")) {
            if (in == null) {
                return Response.status(404).build();
            }
            return Response.ok(in.readAllBytes(), "application/xml;charset=UTF-8")
                    .header("Cache-Control", "public, max-age=3600").build();
        }
    }

    @GET
    @Path("complain")
    @Operation(hidden = true)
    public Response complain() {
        return Html.ok(Templates.complain(timings()));
    }

    @GET
    @Path("privacy")
    @Operation(hidden = true)
    public Response privacy() {
        return Html.ok(Templates.privacy(new PrivacyPage(evidence.notice(), words(privacy.destroyAfter()),
                words(privacy.anonymiseAfter()), words(privacy.legalClaimsWindow()), words(privacy.responseDeadline()))));
    }

    /** Signing in: Keycloak's login page, then the start page of the person's own area. */
    @GET
    @Path("signin")
    @Authenticated
    @Operation(hidden = true)
    public Response signIn() {
        return Html.seeOther(viewer.home());
    }

    @Inject
    Viewer viewer;

    Timings timings() {
        var t = process.targets();
        return new Timings(words(t.triage()), words(process.responseWindow()), words(t.investigation()),
                words(t.panel()), words(process.appealWindow()), words(t.appeal()), words(process.suspensionReview()));
    }

    /** P14D → "14 days", P1M → "one month", P6Y → "6 years", PT12H → "12 hours". */
    static String words(String iso) {
        if (iso.startsWith("PT")) {
            return iso.substring(2).toLowerCase().replace("h", " hours").replace("m", " minutes");
        }
        Period p = Period.parse(iso);
        if (p.getYears() > 0 && p.getMonths() == 0 && p.getDays() == 0) {
            return p.getYears() == 1 ? "one year" : p.getYears() + " years";
        }
        if (p.getMonths() > 0 && p.getYears() == 0 && p.getDays() == 0) {
            return p.getMonths() == 1 ? "one month" : p.getMonths() + " months";
        }
        int days = p.getDays();
        if (p.getYears() == 0 && p.getMonths() == 0 && days % 7 == 0 && days > 0 && days <= 56) {
            return days == 7 ? "one week" : days / 7 + " weeks";
        }
        return p.getYears() == 0 && p.getMonths() == 0 ? days + (days == 1 ? " day" : " days") : iso;
    }
}
