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

/** An item of evidence read from a staff case page; a panel member's copy blinded, as on the case. */
@Path("/work/cases/{ref}/evidence")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.CASEWORKER, Roles.PANEL })
public class StaffEvidencePage {

    @Inject
    EvidenceService evidence;
    @Inject
    CurrentUser user;

    @GET
    @Path("/{id}")
    @Produces({ MediaType.TEXT_HTML, "image/png", "image/jpeg", "application/pdf" })
    @Operation(hidden = true)
    public Response staffEvidenceItem(@PathParam("ref") String ref, @PathParam("id") long id) {
        Object content = evidence.readAsStaff(user.username(), user.hasRole(Roles.CASEWORKER),
                user.hasRole(Roles.PANEL), ref, id);
        return EvidencePages.evidenceResponse(ref, id, content, "/work/cases/" + ref + "#evidence");
    }
}
