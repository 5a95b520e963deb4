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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Roles;

/** The complaints manager's handlers (decision 0038): who handles cases, in which pools, trained until when. */
@Path("/api/manager")
@Tag(name = "Complaints manager")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.MANAGER)
public class HandlerResource {

    @Inject
    HandlerAdmin admin;
    @Inject
    Candidates candidates;
    @Inject
    CurrentUser user;

    @GET
    @Path("/handlers")
    @Operation(summary = "Every handler, active first: roles, pools, training, and whether they may be drawn today")
    public List<HandlerAdmin.HandlerView> list() {
        return admin.list();
    }

    @POST
    @Path("/handlers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make a member of the party a handler, in the pools chosen, with their training if known",
            description = "{membershipNumber, pools: [pool ids], trainedOn, trainingExpires}: the member needs a login;"
                    + " without training they are on record but never drawn.")
    public Response add(HandlerAdmin.Add body) {
        HandlerAdmin.HandlerDetail d = admin.add(user.username(), body);
        return Response.created(URI.create("/api/manager/handlers/" + d.handler().username())).entity(d).build();
    }

    @GET
    @Path("/handlers/{username}")
    @Operation(summary = "One handler, with the open tasks they hold or are offered")
    public HandlerAdmin.HandlerDetail one(@PathParam("username") String username) {
        return admin.one(user.username(), username);
    }

    @PUT
    @Path("/handlers/{username}/pools")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the pools a handler sits in (their roles follow); offers they may no longer take are withdrawn")
    public HandlerAdmin.HandlerDetail pools(@PathParam("username") String username, HandlerAdmin.PoolChoice body) {
        return admin.setPools(user.username(), username, body);
    }

    @POST
    @Path("/handlers/{username}/training")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a handler's training: the day completed and the last day it counts")
    public HandlerAdmin.HandlerDetail training(@PathParam("username") String username, HandlerAdmin.Training body) {
        return admin.recordTraining(user.username(), username, body);
    }

    @POST
    @Path("/handlers/{username}/deactivation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Deactivate a handler (never deleted): never drawn again; their offers are withdrawn and the"
            + " tasks they hold are listed for reassignment")
    public HandlerAdmin.HandlerDetail deactivate(@PathParam("username") String username, HandlerAdmin.Reasoned body) {
        return admin.deactivate(user.username(), username, body);
    }

    @POST
    @Path("/handlers/{username}/reactivation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reactivate a deactivated handler")
    public HandlerAdmin.HandlerDetail reactivate(@PathParam("username") String username, HandlerAdmin.Reasoned body) {
        return admin.reactivate(user.username(), username, body);
    }

    @GET
    @Path("/members")
    @Operation(summary = "Find a member to make a handler, by name or membership number")
    public List<Candidates.MemberMatch> members(@QueryParam("q") String q) {
        return candidates.search(q);
    }
}
