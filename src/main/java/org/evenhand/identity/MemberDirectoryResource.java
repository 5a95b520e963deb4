package org.evenhand.identity;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evenhand.common.ProblemException;

/** Lets a member find the person they want to complain about: name and membership number only. */
@Path("/api/members")
@Tag(name = "Members")
@Produces(MediaType.APPLICATION_JSON)
public class MemberDirectoryResource {

    public record MemberSummary(String membershipNumber, String displayName) {
    }

    @GET
    @RolesAllowed(Roles.MEMBER)
    @Transactional
    @Operation(summary = "Find members by name or membership number (at least 2 characters, at most 20 results)")
    public List<MemberSummary> search(@QueryParam("q") String q) {
        if (q == null || q.isBlank() || q.strip().length() < 2 || q.length() > 100) {
            throw ProblemException.invalidField("q", "give 2 to 100 characters of a name or membership number");
        }
        String term = q.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        List<Member> found = Member.find(
                "lower(displayName) like ?1 or lower(membershipNumber) = ?2 order by displayName",
                "%" + term + "%", term).page(0, 20).list();
        return found.stream().map(m -> new MemberSummary(m.membershipNumber, m.displayName)).toList();
    }
}
