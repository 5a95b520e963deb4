package org.evenhand.identity;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The language of my pages and letters (decision 0036), as the layout's switch sets it. */
@Path("/api/me/language")
@Tag(name = "My data")
@RolesAllowed(Roles.MEMBER)
public class LanguageResource {

    @Inject
    LanguagePreference preference;
    @Inject
    CurrentUser user;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Choose the language of my pages and letters (one of the languages offered: en-GB, cy)")
    public Map<String, String> choose(@Valid @NotNull LanguagePreference.Choice body) {
        return Map.of("language", preference.choose(user.requireMember(), body).toLanguageTag());
    }
}
