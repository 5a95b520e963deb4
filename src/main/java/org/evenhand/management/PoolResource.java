package org.evenhand.management;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

/** The pools handlers are drawn from (decision 0038). */
@Path("/api/manager/pools")
@Tag(name = "Complaints manager")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.MANAGER)
public class PoolResource {

    @Inject
    PoolAdmin pools;
    @Inject
    CurrentUser user;

    @GET
    @Operation(summary = "Every pool: the role it serves, how many handlers sit in it and how many may be drawn today")
    public List<PoolAdmin.PoolView> list() {
        return pools.list();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One pool")
    public PoolAdmin.PoolView one(@PathParam("id") long id) {
        return pools.one(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a pool: {name, role}, role caseworker, panel or manager")
    public Response add(PoolAdmin.NewPool body) {
        PoolAdmin.PoolView p = pools.add(user.username(), body);
        return Response.created(URI.create("/api/manager/pools/" + p.id())).entity(p).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rename a pool: {name} (its role never changes)")
    public PoolAdmin.PoolView rename(@PathParam("id") long id, PoolAdmin.Rename body) {
        return pools.rename(user.username(), id, body);
    }
}
