package org.evenhand.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.evenhand.common.ProblemException;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Member;
import org.evenhand.identity.Roles;

/** The data protection officer's work: requests with their deadlines, the retention queue, legal holds. */
@Path("/api/privacy")
@Tag(name = "Data protection (DPO)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.DPO)
public class DpoResource {

    @Inject
    SubjectAccessService access;
    @Inject
    SubjectAccessRequests requests;
    @Inject
    RequestHistory history;
    @Inject
    PostalRequests postal;
    @Inject
    ErasureService erasure;
    @Inject
    RetentionService retention;
    @Inject
    CurrentUser user;

    @GET
    @Path("/subject-access-requests")
    @Operation(summary = "Open subject access requests with their one-month deadlines")
    public List<SubjectAccessRequests.RequestView> openAccessRequests() {
        return requests.open();
    }

    @GET
    @Path("/subject-access-requests/{id}")
    @Operation(summary = "One subject access request, open or answered (when, by whom, what was withheld and why)")
    public SubjectAccessRequests.RequestView accessRequest(@PathParam("id") long id) {
        return requests.find(id);
    }

    @POST
    @Path("/subject-access-requests/{id}/fulfil")
    @Operation(summary = "Mark a subject access request answered; what the pack withholds, and under which exemption,"
            + " is recorded on it")
    public Response fulfil(@PathParam("id") long id) {
        requests.fulfil(id, user.username());
        return Response.noContent().build();
    }

    @GET
    @Path("/members")
    @Operation(summary = "Find a member by part of their name or their membership number (names and numbers only)")
    public List<org.evenhand.identity.MemberDirectory.MemberSummary> findMember(@QueryParam("q") String q) {
        return history.find(q);
    }

    @GET
    @Path("/members/{membershipNumber}/requests")
    @Operation(summary = "A member's subject access and erasure requests, answered or not, newest first")
    public RequestHistory.History requestHistory(@PathParam("membershipNumber") String number) {
        return history.of(number);
    }

    @POST
    @Path("/members/{membershipNumber}/requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a subject access or erasure request that came by post, on the member's behalf, received"
            + " on the day the letter arrived")
    public Response recordPostal(@PathParam("membershipNumber") String number, @NotNull PostalRequest body) {
        RequestHistory.Entry e = postal.record(user.username(), number, body);
        return Response.created(URI.create(RequestHistory.ACCESS.equals(e.kind())
                ? "/api/privacy/subject-access-requests/" + e.id() : "/api/privacy/erasure-requests/" + e.id()))
                .entity(e).build();
    }

    @GET
    @Path("/members/{membershipNumber}/data")
    @Produces("application/zip")
    @Operation(summary = "The subject access pack for any member")
    public Response pack(@PathParam("membershipNumber") String number) {
        return access.packOf(number, user.username()).download();
    }

    @GET
    @Path("/erasure-requests")
    @Operation(summary = "Erasure requests (open only unless all=true) with their deadlines")
    public List<ErasureService.RequestView> erasureRequests(@QueryParam("all") String all) {
        if (all != null && !all.equals("true") && !all.equals("false")) {
            throw ProblemException.invalidField("all", "must be true or false");
        }
        return erasure.all(!"true".equals(all));
    }

    @POST
    @Path("/erasure-requests/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decide an erasure request, with reasons; approval crypto-shreds what the law allows")
    public ErasureService.RequestView decide(@PathParam("id") long id, @NotNull ErasureService.Decision body) {
        return erasure.decide(id, user.username(), body);
    }

    @GET
    @Path("/retention")
    @Operation(summary = "The retention queue: cases due to be destroyed or anonymised, warnings and holds")
    public List<RetentionService.QueueEntry> retentionQueue() {
        return retention.queue();
    }

    @POST
    @Path("/cases/{ref}/legal-hold")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Place a legal hold, with reasons: retention waits until it is released")
    public Response hold(@PathParam("ref") String ref, @NotNull RetentionService.PlaceHold body) {
        retention.placeHold(user.username(), ref, body);
        return Response.created(URI.create("/api/privacy/retention")).build();
    }

    @POST
    @Path("/cases/{ref}/legal-hold/release")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Release a legal hold, with reasons; overdue retention then proceeds")
    public Response release(@PathParam("ref") String ref, @NotNull RetentionService.ReleaseHold body) {
        retention.releaseHold(user.username(), ref, body);
        return Response.noContent().build();
    }
}
