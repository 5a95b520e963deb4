package org.evenhand.casework;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
 * Pages for a handler's own conflicts of interest: the register of declared interests
 * ({@code /work/interests}) and recusing from a task ({@code /work/tasks/{id}/recusal}). The same
 * services and commands as the API; every rule and its words are the commands'.
 */
@Path("/work")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.CASEWORKER, Roles.PANEL })
public class InterestPages {

    static final Map<String, String> DONE = Map.of("declared", "Your interest has been added to the register.",
            "ended", "The interest has been ended.", "recused", "You have stepped aside; the task has gone to others.");

    public record Row(long id, String kind, String value, String name, String from, String to, String note,
            boolean current) {
    }

    public record Page(String viewer, List<Row> rows, String done) {
    }

    public record RecusalPage(String viewer, String taskId) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance interests(Page page, Form form);

        static native TemplateInstance recusal(RecusalPage page, Form form);
    }

    @Inject
    Interests interests;
    @Inject
    Recusals recusals;
    @Inject
    CurrentUser user;
    @Inject
    Viewer viewer;
    @Inject
    Validator validator;

    @GET
    @Path("/interests")
    @Operation(hidden = true)
    public Response register(@QueryParam("done") String done) {
        return Html.ok(Templates.interests(page(done), Form.empty().set("from", LocalDate.now().toString())));
    }

    @POST
    @Path("/interests")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response declare(MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        Interests.Declare cmd = new Interests.Declare(form.text("kind"), form.text("value"), date(form, "from"),
                date(form, "to"), form.text("note"));
        return act(form, cmd, () -> interests.declare(user.username(), cmd), "value", "declared");
    }

    @POST
    @Path("/interests/{id}/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response end(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        Form given = Form.of(fields);
        Form form = Form.empty().set("endTo", given.value("to"));
        Interests.End cmd = new Interests.End(date(given, "to"));
        try {
            check(cmd);
            interests.end(user.username(), id, cmd);
            return Html.seeOther("/work/interests?done=ended");
        } catch (ConstraintViolationException e) {
            e.getConstraintViolations().forEach(v -> form.error("endTo", v.getMessage()));
        } catch (ProblemException e) {
            if (e.status() != 400 && e.status() != 409) {
                throw e;
            }
            form.error("endTo", e.getMessage());
        }
        return Html.page(400, Templates.interests(page(null), form));
    }

    @GET
    @Path("/tasks/{id}/recusal")
    @Operation(hidden = true)
    public Response recusalForm(@PathParam("id") String id) {
        return Html.ok(Templates.recusal(new RecusalPage(viewer.name(), id), Form.empty()));
    }

    @POST
    @Path("/tasks/{id}/recusal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response recuse(@PathParam("id") String id, MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        Recusals.Recusal cmd = new Recusals.Recusal(form.text("reason"));
        try {
            check(cmd);
            recusals.recuse(id, user.username(), cmd);
            return Html.seeOther("/work/interests?done=recused");
        } catch (ConstraintViolationException e) {
            form.reject(e);
        } catch (ProblemException e) {
            if (e.status() != 400 && e.status() != 409) {
                throw e;
            }
            form.reject(e, "reason");
        }
        return Html.page(400, Templates.recusal(new RecusalPage(viewer.name(), id), form));
    }

    private Response act(Form form, Object cmd, Runnable action, String other, String done) {
        try {
            check(cmd);
            action.run();
            return Html.seeOther("/work/interests?done=" + done);
        } catch (ConstraintViolationException e) {
            form.reject(e);
        } catch (ProblemException e) {
            if (e.status() != 400) {
                throw e;
            }
            form.reject(e, other);
        }
        return Html.page(400, Templates.interests(page(null), form));
    }

    private <T> void check(T cmd) {
        var violations = validator.validate(cmd);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }

    /** A date field: null when empty or not a date (the command then says what is missing). */
    private static LocalDate date(Form form, String name) {
        String v = form.text(name);
        try {
            return v == null ? null : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private Page page(String done) {
        List<Row> rows = interests.mine(user.username()).stream().map(v -> new Row(v.id(), v.kind(), v.value(),
                v.valueName(), Formats.date(v.from()), v.to() == null ? null : Formats.date(v.to()), v.note(),
                v.current())).toList();
        return new Page(viewer.name(), rows, Html.message(DONE, done));
    }
}
