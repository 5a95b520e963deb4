package org.evenhand.casework;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

/** Caseworkers' notes: staff only, or a message to the complainant or the respondent. */
@Path("/api/cases/{ref}/notes")
@Tag(name = "Cases (staff)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CASEWORKER)
public class NoteResource {

    @Inject
    NoteService notes;
    @Inject
    CurrentUser user;

    @GET
    @Operation(summary = "Notes and messages on a case (eligible caseworkers)")
    public List<NoteService.Note> list(@PathParam("ref") String ref) {
        return notes.notes(user.username(), ref);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a note for staff, or send a message to one party (a letter on their timeline and by email)")
    public Response add(@PathParam("ref") String ref, @NotNull NoteService.NoteRequest body) {
        notes.add(user.username(), ref, body);
        return Response.created(URI.create("/api/cases/" + ref + "/notes")).build();
    }
}
