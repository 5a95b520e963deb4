package org.evenhand.audit;

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
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Roles;

/**
 * The confidence survey over the API: a member's open invitations, and answering one. The same use
 * case as the page (/me/survey). An answer has no address: nothing links it to the member, so it
 * cannot be read back, changed or withdrawn.
 */
@Path("/api/me/survey")
@Tag(name = "Confidence survey")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.MEMBER)
public class SurveyResource {

    @Inject
    ConfidenceSurvey survey;
    @Inject
    CurrentUser user;

    /** An open invitation: the case it is about, the member's role, how the case ended, the last day to answer. */
    public record InvitationView(String id, String caseRef, String role, String outcomeBand, LocalDate expiresOn) {
    }

    /**
     * factionYouCouldGive: the faction the member has declared, under which they may choose to count
     * their answers (withFaction); null when they have declared none.
     */
    public record SurveyView(List<InvitationView> invitations, String factionYouCouldGive, List<String> questions) {
    }

    @GET
    @Operation(summary = "My open survey invitations (one per case of mine that ended in the last 60 days)")
    public SurveyView open() {
        ConfidenceSurvey.Open o = survey.open(user.requireMember());
        return new SurveyView(o.invitations().stream().map(i -> new InvitationView(i.id(), i.caseRef(), i.role(),
                i.band().code(), i.expiresOn())).toList(), o.declaredFaction(), SurveyAnswer.QUESTIONS);
    }

    @POST
    @Path("{invitationId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer one of my survey invitations: heard, neutral, respect and trust, each 1 (strongly"
            + " disagree) to 5 (strongly agree); withFaction to count the answers under my declared faction")
    @APIResponse(responseCode = "204", description = "Answered. The answer is stored without any link to me or the case")
    @APIResponse(responseCode = "400", description = "A score missing or outside 1-5, or withFaction without a"
            + " declared faction (problem+json naming the field); nothing is stored")
    @APIResponse(responseCode = "404", description = "No such invitation of mine")
    @APIResponse(responseCode = "409", description = "Already answered; nothing is stored")
    @APIResponse(responseCode = "410", description = "The invitation has expired")
    public Response answer(@PathParam("invitationId") String invitationId, SurveyAnswer body) {
        survey.answer(user.requireMember(), invitationId, body);
        return Response.noContent().build();
    }
}
