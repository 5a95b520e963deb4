package org.evenhand.casework;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.evenhand.common.ProblemException;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Roles;
import org.evenhand.web.Form;
import org.evenhand.web.Formats;
import org.evenhand.web.Html;
import org.evenhand.web.Viewer;

/**
 * The complaints manager's pages (decision 0035): the overdue stages escalated to them, each with
 * its open tasks, who holds them and who may take them on; reassigning one with a reason, or
 * dealing with the escalation with a note. The same use cases as /api/escalations.
 */
@Path("/manager")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.MANAGER)
public class ManagerPages {

    static final Map<String, String> DONE = Map.of("reassigned", "The task has been reassigned; the escalation is dealt with.",
            "resolved", "The escalation is dealt with.");

    /** An overdue task as the page lists it, with the handlers it may go to. */
    public record TaskRow(String id, String title, String heldBy, String due, List<String> eligible) {
    }

    public record Row(String id, String caseRef, String raised, List<TaskRow> overdue) {
    }

    public record Page(String viewer, List<Row> rows, String done) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance escalations(Page page, Form form);
    }

    @Inject
    Escalations escalations;
    @Inject
    CurrentUser user;
    @Inject
    Viewer viewer;

    @GET
    @Operation(hidden = true)
    public Response list(@QueryParam("done") String done) {
        return Html.ok(Templates.escalations(page(done), Form.empty()));
    }

    @POST
    @Path("/escalations/{id}/reassignment")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response reassign(@PathParam("id") String id, MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        Escalations.Reassignment cmd = new Escalations.Reassignment(form.text("task"), form.text("to"),
                form.text("reason"));
        return act(form, () -> escalations.reassign(id, user.username(), cmd), "reason", "reassigned");
    }

    @POST
    @Path("/escalations/{id}/resolution")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response resolve(@PathParam("id") String id, MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        Payloads.Escalation cmd = new Payloads.Escalation(form.text("note"));
        return act(form, () -> escalations.resolve(id, user.username(), cmd), "note", "resolved");
    }

    private Response act(Form form, Runnable action, String other, String done) {
        try {
            action.run();
            return Html.seeOther("/manager?done=" + done);
        } catch (ConstraintViolationException e) {
            form.reject(e);
        } catch (ProblemException e) {
            if (e.status() != 400) {
                throw e;
            }
            form.reject(e, other);
        }
        return Html.page(400, Templates.escalations(page(null), form));
    }

    private Page page(String done) {
        List<Row> rows = escalations.mine(user.username()).stream().map(e -> new Row(e.id(), e.caseRef(),
                Formats.when(e.raised()), e.overdue().stream().map(t -> new TaskRow(t.id(), t.title(),
                        t.heldBy() != null ? t.heldBy() : "not claimed (offered to " + t.offeredTo() + ")",
                        t.due() == null ? "" : Formats.when(t.due()), t.eligible())).toList())).toList();
        return new Page(viewer.name(), rows, Html.message(DONE, done));
    }
}
