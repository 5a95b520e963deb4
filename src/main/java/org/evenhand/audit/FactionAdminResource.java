package org.evenhand.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Roles;

/** The faction list members may declare from, versioned, administered by the complaints manager (decision 0043). */
@Path("/api/manager/factions")
@Tag(name = "Complaints manager")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.MANAGER)
public class FactionAdminResource {

    @Inject
    FactionAdmin admin;
    @Inject
    CurrentUser user;

    @GET
    @Operation(summary = "The faction list in force (version, notice version, factions with key, label, retired) and"
            + " every version, newest first")
    public FactionAdmin.Lists lists() {
        return admin.lists();
    }

    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "{noticeVersion, factions: [{key, label, retired}]}: the choices the declaration form would"
            + " offer under this list; nothing stored")
    public FactionAdmin.Preview preview(FactionListRules.NewList body) {
        return admin.preview(body);
    }

    @POST
    @Path("/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "{noticeVersion, factions: [{key, label, retired}]}: publish the next version (every faction"
            + " of the list in force must be there: retire, never delete)")
    public Response publish(FactionListRules.NewList body) {
        FactionLists.Snapshot s = admin.publish(user.username(), body);
        return Response.created(URI.create("/api/manager/factions")).entity(s).build();
    }
}
