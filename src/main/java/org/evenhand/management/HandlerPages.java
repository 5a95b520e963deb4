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
import org.evenhand.common.ProblemException;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Roles;
import org.evenhand.web.Form;
import org.evenhand.web.Formats;
import org.evenhand.web.Html;

/**
 * The complaints manager's pages for handlers (decision 0038): the list, adding a member as a
 * handler (found by name or membership number), and one handler's page: their pools, their
 * training, deactivating or reactivating them, and the open tasks they hold. The same use case as
 * /api/manager/handlers.
 */
@Path("/manager/handlers")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.MANAGER)
public class HandlerPages {

    static final Map<String, String> DONE = Map.of("added", "The handler has been added.",
            "pools", "Their pools have been changed.", "training", "Their training has been recorded.",
            "deactivated", "The handler has been deactivated: they will not be drawn again.",
            "reactivated", "The handler has been reactivated.");

    /** A handler in the list, everything in words. */
    public record Row(String username, String name, String number, List<String> roles, List<String> pools,
            String trainedOn, String expires, String standing, boolean active) {
    }

    /** A pool to tick, and whether it is ticked. */
    public record PoolBox(long id, String name, String role, boolean ticked) {
    }

    public record ListPage(List<Row> rows, String q, List<Candidates.MemberMatch> matches, List<PoolBox> pools,
            String done) {
    }

    /** An open task of the handler's, in words. */
    public record TaskRow(String title, String caseRef, boolean holds, int others, String attention) {
    }

    public record OnePage(Row handler, String clp, String trainingRecordedBy, String addedOn, String addedBy,
            String deactivatedOn, String deactivatedBy, String deactivationReason, List<PoolBox> pools,
            List<TaskRow> tasks, String done) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance handlers(ListPage page, Form form);

        static native TemplateInstance handler(OnePage page, Form form);
    }

    @Inject
    HandlerAdmin admin;
    @Inject
    Candidates candidates;
    @Inject
    PoolAdmin pools;
    @Inject
    CurrentUser user;

    @GET
    @Operation(hidden = true)
    public Response list(@QueryParam("q") String q, @QueryParam("done") String done) {
        Form form = Form.empty();
        List<Candidates.MemberMatch> matches = List.of();
        if (q != null && !q.isBlank()) {
            try {
                matches = candidates.search(q);
            } catch (ProblemException e) {
                form.reject(e, "q");
            }
        }
        return Html.page(form.hasErrors() ? 400 : 200, Templates.handlers(listPage(q, matches, form, done), form));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response add(MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        HandlerAdmin.Add cmd = new HandlerAdmin.Add(form.text("membershipNumber"), ManagerForms.ids(form, "pools"),
                ManagerForms.date(form, "trainedOn"), ManagerForms.date(form, "trainingExpires"));
        return ManagerForms.act(form, () -> "/manager/handlers/" + path(admin.add(user.username(), cmd).handler()
                .username()) + "?done=added", f -> Templates.handlers(listPage(null, List.of(), f, null), f),
                "membershipNumber");
    }

    @GET
    @Path("/{username}")
    @Operation(hidden = true)
    public Response one(@PathParam("username") String username, @QueryParam("done") String done) {
        return Html.ok(Templates.handler(onePage(username, Form.empty(), done), Form.empty()));
    }

    @POST
    @Path("/{username}/pools")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response pools(@PathParam("username") String username, MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        HandlerAdmin.PoolChoice cmd = new HandlerAdmin.PoolChoice(ManagerForms.ids(form, "pools"));
        return change(username, form, () -> admin.setPools(user.username(), username, cmd), "pools", "pools");
    }

    @POST
    @Path("/{username}/training")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response training(@PathParam("username") String username, MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        HandlerAdmin.Training cmd = new HandlerAdmin.Training(ManagerForms.date(form, "trainedOn"),
                ManagerForms.date(form, "trainingExpires"));
        return change(username, form, () -> admin.recordTraining(user.username(), username, cmd), "trainedOn",
                "training");
    }

    @POST
    @Path("/{username}/deactivation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response deactivate(@PathParam("username") String username, MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        HandlerAdmin.Reasoned cmd = new HandlerAdmin.Reasoned(form.text("reason"));
        return change(username, form, () -> admin.deactivate(user.username(), username, cmd), "reason", "deactivated");
    }

    @POST
    @Path("/{username}/reactivation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response reactivate(@PathParam("username") String username, MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        HandlerAdmin.Reasoned cmd = new HandlerAdmin.Reasoned(form.text("reason"));
        return change(username, form, () -> admin.reactivate(user.username(), username, cmd), "reason", "reactivated");
    }

    private Response change(String username, Form form, Runnable action, String other, String done) {
        return ManagerForms.act(form, () -> {
            action.run();
            return "/manager/handlers/" + path(username) + "?done=" + done;
        }, f -> Templates.handler(onePage(username, f, null), f), other);
    }

    private ListPage listPage(String q, List<Candidates.MemberMatch> matches, Form form, String done) {
        List<Row> rows = admin.list().stream().map(HandlerPages::row).toList();
        return new ListPage(rows, q == null ? "" : q, matches, boxes(List.of(), form), Html.message(DONE, done));
    }

    private OnePage onePage(String username, Form form, String done) {
        HandlerAdmin.HandlerDetail d = admin.one(user.username(), username);
        HandlerAdmin.HandlerView h = d.handler();
        List<Long> current = h.pools().stream().map(HandlerAdmin.PoolRef::id).toList();
        List<TaskRow> tasks = d.tasks().stream().map(t -> new TaskRow(t.title(), t.caseRef(), t.heldBy() != null,
                Math.max(0, t.offeredTo().size() - 1), t.attention())).toList();
        return new OnePage(row(h), h.clp(), h.trainingRecordedBy(), Formats.date(h.addedAt()), h.addedBy(),
                Formats.date(h.deactivatedAt()), h.deactivatedBy(), h.deactivationReason(), boxes(current, form), tasks,
                Html.message(DONE, done));
    }

    /** Every pool, ticked as the form was sent or, before that, as the handler sits in them now. */
    private List<PoolBox> boxes(List<Long> current, Form form) {
        List<String> sent = form.values("pools");
        boolean posted = form.hasErrors();
        return pools.list().stream().map(p -> new PoolBox(p.id(), p.name(), p.role(),
                posted ? sent.contains(Long.toString(p.id())) : current.contains(p.id()))).toList();
    }

    private static Row row(HandlerAdmin.HandlerView h) {
        return new Row(h.username(), h.name(), h.membershipNumber(), h.roles(),
                h.pools().stream().map(HandlerAdmin.PoolRef::name).toList(), Formats.date(h.trainedOn()),
                Formats.date(h.trainingExpires()), h.standing(), h.active());
    }

    private static String path(String username) {
        return URLEncoder.encode(username, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
