package org.evenhand.evidence;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Roles;

/**
 * Staff read an item of evidence from the case file (the read is logged; a panel member's copy is
 * blinded, as on the case). Under /work, as the staff's other pages are.
 */
@Path("/work")
@Produces(MediaType.TEXT_HTML)
public class StaffEvidencePage {

    @Inject
    EvidenceService evidence;
    @Inject
    CurrentUser user;

    @GET
    @Path("/cases/{ref}/evidence/{id}")
    @Produces({ MediaType.TEXT_HTML, "image/png", "image/jpeg", "application/pdf" })
    @RolesAllowed({ Roles.CASEWORKER, Roles.PANEL })
    @Operation(hidden = true)
    public Response staffEvidenceItem(@PathParam("ref") String ref, @PathParam("id") long id) {
        Object content = evidence.readAsStaff(user.username(), user.hasRole(Roles.CASEWORKER),
                user.hasRole(Roles.PANEL), ref, id);
        return EvidencePages.evidenceResponse(ref, id, content, "/work/cases/" + ref + "#evidence");
    }
}
