package org.evenhand.management;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.evenhand.casework.Reassigning;
import org.evenhand.common.ProblemException;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Roles;
import org.evenhand.web.Form;
import org.evenhand.web.Formats;
import org.evenhand.web.Html;

/**
 * Reassigning tasks (decision 0038): the open tasks that need the manager (their holder may no
 * longer be drawn for them, or nobody they are offered to may), and any open task of a case found
 * by its reference, each given to an eligible handler with a reason. The same use case as
 * /api/manager/tasks (casework.Reassigning).
 */
@Path("/manager/tasks")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.MANAGER)
public class ReassignmentPages {

    static final Map<String, String> DONE = Map.of("reassigned", "The task has been reassigned.");

    /** A task in words; {@code failed}: the one whose reassignment was refused (its form shows why). */
    public record Row(String id, String title, String caseRef, String heldBy, int offeredTo, String due,
            String attention, List<String> eligible, boolean failed) {
    }

    /** {@code caseUnknown}: no case by that reference that this manager may handle. */
    public record Page(List<Row> needing, String caseRef, List<Row> ofCase, boolean caseUnknown, String done) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tasks(Page page, Form form);
    }

    @Inject
    Reassigning reassigning;
    @Inject
    CurrentUser user;

    @GET
    @Operation(hidden = true)
    public Response list(@QueryParam("case") String caseRef, @QueryParam("done") String done) {
        return Html.ok(Templates.tasks(page(caseRef, null, done), Form.empty()));
    }

    @POST
    @Path("/{id}/reassignment")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response reassign(@PathParam("id") String id, MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        String caseRef = form.text("case");
        Reassigning.Reassignment cmd = new Reassigning.Reassignment(form.text("to"), form.text("reason"));
        return ManagerForms.act(form, () -> {
            reassigning.reassign(id, user.username(), cmd);
            return "/manager/tasks?done=reassigned" + (caseRef == null ? ""
                    : "&case=" + URLEncoder.encode(caseRef, StandardCharsets.UTF_8));
        }, f -> Templates.tasks(page(caseRef, id, null), f), "reason");
    }

    private Page page(String caseRef, String failed, String done) {
        String ref = caseRef == null || caseRef.isBlank() ? null : caseRef.strip();
        List<Row> needing = reassigning.needingAttention(user.username()).stream().map(t -> row(t, failed)).toList();
        List<Row> ofCase = List.of();
        boolean unknown = false;
        if (ref != null) {
            try {
                ofCase = reassigning.ofCase(user.username(), ref).stream().map(t -> row(t, failed)).toList();
            } catch (ProblemException e) {
                if (e.status() != 404) {
                    throw e;
                }
                unknown = true;
            }
        }
        return new Page(needing, ref == null ? "" : ref, ofCase, unknown, Html.message(DONE, done));
    }

    private static Row row(Reassigning.OpenTask t, String failed) {
        return new Row(t.id(), t.title(), t.caseRef(), t.heldBy(), t.offeredTo().size(),
                t.due() == null ? null : Formats.when(t.due()), t.attention(), t.eligible(), t.id().equals(failed));
    }
}
