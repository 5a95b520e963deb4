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
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Roles;
import org.evenhand.web.Form;
import org.evenhand.web.Html;

/** The complaints manager's page for pools (decision 0038): list, add, rename. The same use case as /api/manager/pools. */
@Path("/manager/pools")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.MANAGER)
public class PoolPages {

    static final Map<String, String> DONE = Map.of("added", "The pool has been added.", "renamed", "The pool has been renamed.");

    /** The page; {@code renaming} is the pool whose rename was refused (its form shows the refusal). */
    public record Page(List<PoolAdmin.PoolView> pools, Long renaming, String done) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance pools(Page page, Form form);
    }

    @Inject
    PoolAdmin pools;
    @Inject
    CurrentUser user;

    @GET
    @Operation(hidden = true)
    public Response list(@QueryParam("done") String done) {
        return Html.ok(Templates.pools(new Page(pools.list(), null, Html.message(DONE, done)), Form.empty()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response add(MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        PoolAdmin.NewPool cmd = new PoolAdmin.NewPool(form.text("name"), form.text("role"));
        return ManagerForms.act(form, () -> {
            pools.add(user.username(), cmd);
            return "/manager/pools?done=added";
        }, f -> Templates.pools(new Page(pools.list(), null, null), f), "name");
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response rename(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        Form given = Form.of(fields);
        Form form = Form.empty().set("newName", given.value("name"));
        PoolAdmin.Rename cmd = new PoolAdmin.Rename(given.text("name"));
        return ManagerForms.act(given, () -> {
            pools.rename(user.username(), id, cmd);
            return "/manager/pools?done=renamed";
        }, f -> {
            f.errorList().forEach(e -> form.error("newName", e.message()));
            return Templates.pools(new Page(pools.list(), id, null), form);
        }, "name");
    }
}
