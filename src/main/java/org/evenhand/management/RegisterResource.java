package org.evenhand.management;

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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evenhand.casework.Interests;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Roles;

/** The register of declared interests, kept by the complaints manager for every handler (decisions 0024, 0038). */
@Path("/api/manager/interests")
@Tag(name = "Complaints manager")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.MANAGER)
public class RegisterResource {

    @Inject
    Interests interests;
    @Inject
    CurrentUser user;

    @GET
    @Operation(summary = "The register: every handler's declared interests (or one handler's), newest first")
    public List<Interests.RegisterEntry> register(@QueryParam("handler") String handler) {
        return interests.register(handler);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One declared interest on the register")
    public Interests.RegisterEntry one(@PathParam("id") long id) {
        return interests.entry(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record an interest for a handler; they are taken off the open tasks of cases it touches",
            description = "{handler, kind: member|clp|body, value, from, to, note}")
    public Response record(Interests.RecordFor body) {
        Interests.RegisterEntry e = interests.recordFor(user.username(), body);
        return Response.created(URI.create("/api/manager/interests/" + e.id())).entity(e).build();
    }

    @POST
    @Path("/{id}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "End a handler's declared interest on a day (today at the latest)")
    public Interests.RegisterEntry end(@PathParam("id") long id, Interests.End body) {
        return interests.endFor(user.username(), id, body);
    }
}
