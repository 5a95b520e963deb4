package org.evenhand.audit;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.evenhand.common.ProblemException;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Roles;
import org.evenhand.web.Form;
import org.evenhand.web.Html;

/**
 * The complaints manager's page for the faction list (decision 0043): the list in force as a form (relabel,
 * retire, add up to three at a time, the notice version), a preview of the member's declaration form under
 * it, publication, and every earlier version. The same use case as /api/manager/factions. Served by the
 * audit, which alone touches faction data.
 */
@Path("/manager/factions")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.MANAGER)
public class FactionAdminPages {

    static final int NEW_ROWS = 3;
    static final Map<String, String> DONE = Map.of("published", "The new faction list is published: members declare from it now.");

    /** A row of the form: an existing faction (key fixed) or a new one. */
    public record Row(String keyName, String labelName, String retiredName, String key, String label, boolean retired,
            boolean existing) {
    }

    public record Page(FactionLists.Snapshot current, List<Row> rows, String noticeVersion,
            FactionAdmin.Preview preview, List<FactionLists.Snapshot> history, String done) {
    }

    @CheckedTemplate(basePath = "AuditPages")
    static class Templates {
        static native TemplateInstance factionList(Page page, Form form);
    }

    @Inject
    FactionAdmin admin;
    @Inject
    CurrentUser user;

    @GET
    @Operation(hidden = true)
    public Response page(@QueryParam("done") String done) {
        FactionAdmin.Lists l = admin.lists();
        List<Row> rows = new ArrayList<>();
        l.current().factions().forEach(f -> rows.add(row(rows.size(), f.key(), f.label(), f.retired(), true)));
        blanks(rows);
        return Html.ok(Templates.factionList(new Page(l.current(), rows, l.current().noticeVersion(), null, l.history(),
                Html.message(DONE, done)), Form.empty()));
    }

    /** Preview (action=preview) or publish (action=publish) the list the form holds. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response submit(MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        FactionAdmin.Lists l = admin.lists();
        List<Row> rows = new ArrayList<>();
        List<FactionListRules.Faction> factions = new ArrayList<>();
        int existing = l.current().factions().size();
        for (int i = 0; i < existing + NEW_ROWS; i++) {
            String key = i < existing ? l.current().factions().get(i).key() : form.text(name(i, "key"));
            String label = form.text(name(i, "label"));
            boolean retired = form.ticked(name(i, "retired"));
            rows.add(row(i, key, label, retired, i < existing));
            if (i < existing || key != null || label != null) {
                factions.add(new FactionListRules.Faction(key, label, retired));
            }
        }
        FactionListRules.NewList in = new FactionListRules.NewList(form.text("noticeVersion"), factions);
        FactionAdmin.Preview preview = null;
        int status = 400;
        try {
            if ("publish".equals(form.value("action"))) {
                admin.publish(user.username(), in);
                return Html.seeOther("/manager/factions?done=published");
            }
            preview = admin.preview(in);
            status = 200;
        } catch (ProblemException e) {
            if (e.status() != 400 && e.status() != 409) {
                throw e;
            }
            status = e.status();
            form.reject(e, "factions");
        }
        return Html.page(status, Templates.factionList(new Page(l.current(), rows, form.value("noticeVersion"), preview,
                l.history(), null), form));
    }

    private static void blanks(List<Row> rows) {
        for (int i = 0; i < NEW_ROWS; i++) {
            rows.add(row(rows.size(), null, null, false, false));
        }
    }

    private static Row row(int i, String key, String label, boolean retired, boolean existing) {
        return new Row(name(i, "key"), name(i, "label"), name(i, "retired"), key, label, retired, existing);
    }

    static String name(int i, String field) {
        return "factions[" + i + "]." + field;
    }
}
