package org.evenhand.identity;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Lets a member find the person they want to complain about: name and membership number only. */
@Path("/api/members")
@Tag(name = "Members")
@Produces(MediaType.APPLICATION_JSON)
public class MemberDirectoryResource {

    @Inject
    MemberDirectory directory;

    @GET
    @RolesAllowed(Roles.MEMBER)
    @Operation(summary = "Find members by name or membership number (at least 2 characters, at most 20 results)")
    public List<MemberDirectory.MemberSummary> search(@QueryParam("q") String q) {
        return directory.search(q);
    }
}
