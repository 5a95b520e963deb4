package org.evenhand.casework;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Roles;

/** A handler's own register of declared interests (decision 0024). */
@Path("/api/me/interests")
@Tag(name = "Tasks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.CASEWORKER, Roles.PANEL })
public class InterestResource {

    @Inject
    Interests interests;
    @Inject
    CurrentUser user;

    @GET
    @Operation(summary = "My declared interests, current and ended")
    public List<Interests.View> mine() {
        return interests.mine(user.username());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Declare an interest: a member I am connected to, a CLP or body I hold office in, with dates")
    public Response declare(@Valid @NotNull Interests.Declare body) {
        Interests.View v = interests.declare(user.username(), body);
        return Response.created(URI.create("/api/me/interests/" + v.id())).entity(v).build();
    }

    @POST
    @Path("/{id}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "End a declared interest on a day (today at the latest)")
    public Interests.View end(@PathParam("id") long id, @Valid @NotNull Interests.End body) {
        return interests.end(user.username(), id, body);
    }
}
