package org.evenhand.casework;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import java.time.Period;
import org.evenhand.web.Html;
import org.evenhand.web.Viewer;

/** Pages for anyone, signed in or not: the start page, how complaints work, how to complain, signing in. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class PublicPages {

    /** The process's time limits, as configured for new cases (the page words them in its language). */
    public record Timings(Period triage, Period response, Period investigation, Period panel, Period appealWindow,
            Period appeal, Period suspensionReview) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home();

        static native TemplateInstance process(Timings t);

        static native TemplateInstance complain(Timings t);
    }

    @Inject
    ProcessConfig process;

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
        return new Timings(Period.parse(t.triage()), Period.parse(process.responseWindow()),
                Period.parse(t.investigation()), Period.parse(t.panel()), Period.parse(process.appealWindow()),
                Period.parse(t.appeal()), Period.parse(process.suspensionReview()));
    }

}
