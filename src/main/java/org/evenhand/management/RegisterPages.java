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
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.evenhand.casework.Interests;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Roles;
import org.evenhand.web.Form;
import org.evenhand.web.Formats;
import org.evenhand.web.Html;

/**
 * The register of declared interests, kept by the complaints manager (decision 0038): every
 * handler's interests, recording one for a handler, ending one. The same use case as
 * /api/manager/interests (casework.Interests).
 */
@Path("/manager/interests")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.MANAGER)
public class RegisterPages {

    static final Map<String, String> DONE = Map.of("recorded",
            "The interest is on the register; the handler has been taken off any open task it touches.",
            "ended", "The interest has been ended.");

    public record Row(long id, String handler, String handlerName, String kind, String value, String valueName,
            String from, String to, String note, String recordedBy) {
    }

    /** A handler to choose. */
    public record Choice(String username, String name) {
    }

    public record Page(List<Row> rows, List<Choice> handlers, String handler, String done) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance interests(Page page, Form form);
    }

    @Inject
    Interests interests;
    @Inject
    HandlerAdmin admin;
    @Inject
    CurrentUser user;

    @GET
    @Operation(hidden = true)
    public Response register(@QueryParam("handler") String handler, @QueryParam("done") String done) {
        return Html.ok(Templates.interests(page(handler, done), Form.empty().set("handler", handler)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response record(MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        Interests.RecordFor cmd = new Interests.RecordFor(form.text("handler"), form.text("kind"), form.text("value"),
                ManagerForms.date(form, "from"), ManagerForms.date(form, "to"), form.text("note"));
        return ManagerForms.act(form, () -> {
            interests.recordFor(user.username(), cmd);
            return "/manager/interests?done=recorded";
        }, f -> Templates.interests(page(null, null), f), "value");
    }

    @POST
    @Path("/{id}/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response end(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        Form given = Form.of(fields);
        Form form = Form.empty();
        Interests.End cmd = new Interests.End(ManagerForms.date(given, "to"));
        return ManagerForms.act(given, () -> {
            interests.endFor(user.username(), id, cmd);
            return "/manager/interests?done=ended";
        }, f -> {
            f.errorList().forEach(e -> form.error("endTo", e.message()));
            return Templates.interests(page(null, null), form);
        }, "to");
    }

    private Page page(String handler, String done) {
        List<Row> rows = interests.register(handler).stream().map(e -> new Row(e.id(), e.handler(), e.handlerName(),
                e.kind(), e.value(), e.valueName(), Formats.date(e.from()), e.to() == null ? null : Formats.date(e.to()),
                e.note(), e.recordedBy())).toList();
        List<Choice> handlers = admin.list().stream().map(h -> new Choice(h.username(), h.name())).toList();
        return new Page(rows, handlers, handler, Html.message(DONE, done));
    }
}
