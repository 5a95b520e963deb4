package org.evenhand.privacy;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.evenhand.evidence.EvidenceRecords;
import org.evenhand.evidence.EvidenceService;
import java.time.Period;
import org.evenhand.web.Html;

/** The privacy notice, for anyone: the evidence notice in force and how long what we keep is kept. */
@Path("/privacy")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class PrivacyNoticePage {

    /** The notice's periods as configured; the page words them in its language. */
    public record PrivacyPage(EvidenceRecords.ConsentNotice notice, Period destroyAfter, Period anonymiseAfter,
            Period legalClaims, Period deadline) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance privacy(PrivacyPage page);
    }

    @Inject
    PrivacyConfig privacy;
    @Inject
    EvidenceService evidence;

    @GET
    @Operation(hidden = true)
    public Response privacy() {
        return Html.ok(Templates.privacy(new PrivacyPage(evidence.notice(), Period.parse(privacy.destroyAfter()),
                Period.parse(privacy.anonymiseAfter()), Period.parse(privacy.legalClaimsWindow()),
                Period.parse(privacy.responseDeadline()))));
    }
}
