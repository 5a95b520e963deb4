package org.evenhand.trail;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Verification of the action trail, for the NEC and the data protection officer. */
@Path("/api/trail")
@Tag(name = "Action trail")
@Produces(MediaType.APPLICATION_JSON)
public class TrailResource {

    // Role names as in identity.Roles; trail depends on no feature package.
    static final String NEC = "nec";
    static final String DPO = "dpo";

    @Inject
    TrailVerifier verifier;

    @GET
    @Path("/verification")
    @RolesAllowed({ NEC, DPO })
    @Operation(summary = "Walk the whole action trail and check every link and every exported anchor",
            description = "intact=false names the first broken link (altered, deleted, reordered, anchor-missing,"
                    + " anchor-mismatch) and lists up to 20 problems. The same check runs outside the application"
                    + " with scripts/verify-trail.sh.")
    public TrailChain.Result verification() {
        return verifier.verify();
    }
}
