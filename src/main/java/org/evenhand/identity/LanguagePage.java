package org.evenhand.identity;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The layout's language switch (decision 0036): a member chooses the language of their pages and
 * letters, and is brought back to the page they were on, now in that language.
 */
@Path("/me/language")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.MEMBER)
public class LanguagePage {

    @Inject
    LanguagePreference preference;
    @Inject
    CurrentUser user;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response choose(@FormParam("language") String language, @FormParam("back") String back) {
        preference.choose(user.requireMember(), new LanguagePreference.Choice(language));
        return Response.seeOther(URI.create(LanguagePreference.safeReturn(back))).header("Cache-Control", "no-store").build();
    }
}
