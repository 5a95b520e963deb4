package org.evenhand.evidence;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/evidence/consent-notice")
@Tag(name = "Evidence (parties)")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class ConsentNoticeResource {

    @Inject
    EvidenceService evidence;

    @GET
    @Operation(summary = "The consent notice in force for giving evidence")
    public EvidenceRecords.ConsentNotice notice() {
        return evidence.notice();
    }
}
