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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
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

    @GET
    @Operation(summary = "My open tasks: assigned to me, or offered to me to claim")
    public List<TaskService.TaskView> mine() {
        return tasks.openTasks(user.username());
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
