package org.evenhand.casework;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Roles;

@Path("/api/cases")
@Tag(name = "Cases (staff)")
@Produces(MediaType.APPLICATION_JSON)
public class StaffCaseResource {

    @Inject
    CaseViews views;
    @Inject
    SuspensionService suspensions;
    @Inject
    CurrentUser user;
    @Inject
    PileOns pileOns;

    @GET
    @Path("/{ref}")
    @RolesAllowed({ Roles.CASEWORKER, Roles.PANEL })
    @Operation(summary = "Staff view of a case; blind (no names) for panel members")
    public CaseViews.StaffCase get(@PathParam("ref") String ref) {
        return views.forStaff(user.username(), user.hasRole(Roles.CASEWORKER), user.hasRole(Roles.PANEL), ref);
    }

    @GET
    @Path("/{ref}/complainants")
    @RolesAllowed(Roles.CASEWORKER)
    @Operation(summary = "Caseworker: the complainants whose complaints about the same conduct joined this case"
            + " (pile-on), oldest first, with their allegations",
            description = "Never shown to panel members: how many complained is not a factor in the decision.")
    public PileOns.Page complainants(@PathParam("ref") String ref, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) {
        int from = number("offset", offset, 0, 0, 10_000_000);
        int size = number("limit", limit, 50, 1, 500);
        CaseFile c = views.requireStaffAccess(user.username(), true, false, ref);
        return pileOns.joined(c, from, size);
    }

    /** A whole number query parameter within bounds (strictly: no signs, spaces or decimals). */
    static int number(String name, String value, int absent, int min, int max) {
        if (value == null) {
            return absent;
        }
        if (!value.matches("[0-9]{1,9}") || Integer.parseInt(value) < min || Integer.parseInt(value) > max) {
            throw org.evenhand.common.ProblemException.invalidField(name, "must be a whole number from " + min + " to " + max);
        }
        return Integer.parseInt(value);
    }

    @POST
    @Path("/{ref}/interim-suspension")
    @RolesAllowed(Roles.CASEWORKER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Impose an interim suspension with written reasons; reviewed automatically")
    public Response suspend(@PathParam("ref") String ref, @NotNull Payloads.SuspensionRequest body) {
        views.forStaff(user.username(), true, false, ref);
        suspensions.request(ref, user.username(), body);
        return Response.created(URI.create("/api/cases/" + ref)).build();
    }
}
