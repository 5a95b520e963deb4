package org.evenhand.casework;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Roles;

@Path("/api/tasks")
@Tag(name = "Tasks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.CASEWORKER, Roles.PANEL })
public class TaskResource {

    @Inject
    TaskService tasks;
    @Inject
    CurrentUser user;
    @Inject
    Recusals recusals;

    @Inject
    Queue queue;

    @GET
    @Operation(summary = "My queue: open tasks assigned to me or offered to me to claim, searched, filtered, sorted and paged",
            description = "q matches a case reference, and on a caseworker's task the parties' names and membership"
                    + " numbers (never what anyone wrote); a panel member's rows are blind. Answers a page with total.")
    public Queue.QueuePage mine(
            @Parameter(description = "Case reference, or (caseworker tasks only) a party's name or membership number")
            @QueryParam("q") String q,
            @Parameter(description = "The case's stage (triage, awaitResponse, investigate, ...)") @QueryParam("stage") String stage,
            @Parameter(description = "A clause id the case engages (or cites, before triage)") @QueryParam("clause") String clause,
            @Parameter(description = "The gravest tier among the case's clauses, 1 to 9") @QueryParam("tier") String tier,
            @Parameter(description = "true: overdue tasks only") @QueryParam("overdue") String overdue,
            @Parameter(description = "true: pile-ons only (more than one complainant; never on a panel's task)")
            @QueryParam("pileOn") String pileOn,
            @Parameter(description = "mine (assigned to me) or offered (mine to claim); empty: both") @QueryParam("holder") String holder,
            @Parameter(description = "due, ref, received, task, stage, tier or pileOn; a leading minus reverses it (default due)")
            @QueryParam("sort") String sort,
            @Parameter(description = "Page number from 1 (default 1)") @QueryParam("page") String page,
            @Parameter(description = "Tasks a page, 1 to 100 (default 25)") @QueryParam("size") String size) {
        return queue.page(user.username(), user.hasRole(Roles.CASEWORKER),
                new QueueQuery(q, stage, clause, tier, overdue, pileOn, holder, sort, page, size));
    }

    @POST
    @Path("/{id}/claim")
    @Operation(summary = "Claim a task offered to me")
    public TaskService.TaskView claim(@PathParam("id") String id) {
        return tasks.claim(id, user.username());
    }

    @POST
    @Path("/{id}/recusal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Recuse from a task with a reason: I leave the case for good, the task is drawn or offered again")
    public Handovers.Outcome recuse(@PathParam("id") String id, Recusals.Recusal body) {
        return recusals.recuse(id, user.username(), body);
    }

    @POST
    @Path("/{id}/findings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Panel decision, step one: record my findings on each clause before choosing a sanction",
            description = "{findings: [{clause, upheld}]}. Only once they are recorded are the respondent's live"
                    + " sanctions from other cases shown to me (yourPanelStep on the case); the findings then cannot"
                    + " be changed, and completing the task needs only the sanction and reasons.")
    public SanctionHistory.PanelStep findings(@PathParam("id") String id, JsonNode body) {
        return tasks.recordFindings(id, user.username(), body);
    }

    @POST
    @Path("/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Complete my task with the payload for its kind",
            description = "triage: {inScope, clauses, reasons, anonymity?: {grant, reasons}} (anonymity: needed when the"
                    + " complainant asked for it and the complaint is in scope, refused otherwise); investigate: {report}; panelDecision: {findings?:"
                    + " [{clause, upheld}] (left out: those recorded in step one), sanction, sanctionMonths?, departureReason?, reasons}; hearAppeal: {allow,"
                    + " findings?, sanction?, sanctionMonths?, departureReason?, reasons}; reviewSuspension: {renew,"
                    + " reasons}; chase*: {note}")
    public Response complete(@PathParam("id") String id, JsonNode body) {
        tasks.complete(id, user.username(), body);
        return Response.noContent().build();
    }
}
