package org.evenhand.management;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

/** The letters' texts, per kind and language, versioned (decision 0043). */
@Path("/api/manager/letters")
@Tag(name = "Complaints manager")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.MANAGER)
public class LetterResource {

    @Inject
    LetterAdmin letters;
    @Inject
    CurrentUser user;

    @GET
    @Operation(summary = "Every kind of letter in each language (en-GB, cy), with the version in force (1: the bundled text)")
    public List<LetterAdmin.Entry> list() {
        return letters.list();
    }

    @GET
    @Path("/{kind}/{locale}")
    @Operation(summary = "A letter's text in force, the placeholders it may use and every version, newest first")
    public LetterAdmin.LetterView one(@PathParam("kind") String kind, @PathParam("locale") String locale) {
        return letters.one(kind, locale);
    }

    @POST
    @Path("/{kind}/{locale}/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "{subject, body}: the letter as it would go out, written from sample data; nothing stored")
    public LetterAdmin.Preview preview(@PathParam("kind") String kind, @PathParam("locale") String locale,
            LetterAdmin.Edit body) {
        return letters.preview(kind, locale, body);
    }

    @POST
    @Path("/{kind}/{locale}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "{subject, body}: publish a new version; letters of this kind in this language are written from"
            + " it from now on (a letter already queued or sent keeps its text)")
    public Response publish(@PathParam("kind") String kind, @PathParam("locale") String locale, LetterAdmin.Edit body) {
        LetterAdmin.Version v = letters.publish(user.username(), kind, locale, body);
        return Response.created(URI.create("/api/manager/letters/" + kind + "/" + locale)).entity(v).build();
    }
}
