package org.evenhand.casework;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Roles;

/** A member's own cases, as complainant or respondent. Anyone else's case is simply not found. */
@Path("/api/me/cases")
@Tag(name = "My cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.MEMBER)
public class MemberCaseResource {

    @Inject
    CaseViews views;
    @Inject
    Responding cases;
    @Inject
    PanelService panels;
    @Inject
    Withdrawing withdrawals;
    @Inject
    CurrentUser user;
    @Inject
    Disclosing disclosing;

    @GET
    @Operation(summary = "My cases as complainant or respondent")
    public List<CaseViews.CaseSummary> list() {
        return views.casesOf(user.requireMember());
    }

    @GET
    @Path("/{ref}")
    @Operation(summary = "One of my cases: stage, deadlines, what I can do, decisions, timeline")
    public CaseViews.MemberCase get(@PathParam("ref") String ref) {
        return views.forMember(user.requireMember(), ref);
    }

    @POST
    @Path("/{ref}/response")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Respondent: answer the allegation while the response window is open")
    public CaseViews.MemberCase respond(@PathParam("ref") String ref, @Valid @NotNull Payloads.Response body) {
        cases.respond(user.requireMember(), ref, body);
        return views.forMember(user.requireMember(), ref);
    }

    @POST
    @Path("/{ref}/report-comment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Either party: comment once on the investigation report while the comment window is open")
    public CaseViews.MemberCase commentOnReport(@PathParam("ref") String ref,
            @Valid @NotNull Payloads.ReportCommentRequest body) {
        disclosing.comment(user.requireMember(), ref, body);
        return views.forMember(user.requireMember(), ref);
    }

    @POST
    @Path("/{ref}/appeal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Either party: appeal the decision on stated grounds while the appeal window is open")
    public CaseViews.MemberCase appeal(@PathParam("ref") String ref, @Valid @NotNull Payloads.AppealRequest body) {
        panels.lodgeAppeal(user.requireMember(), ref, body);
        return views.forMember(user.requireMember(), ref);
    }

    @POST
    @Path("/{ref}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Complainant: withdraw my complaint before the panel decides (my own part, if others complained too)")
    public CaseViews.MemberCase withdraw(@PathParam("ref") String ref, @Valid @NotNull Payloads.Withdrawal body) {
        withdrawals.withdraw(user.requireMember(), ref, body);
        return views.forMember(user.requireMember(), ref);
    }
}
