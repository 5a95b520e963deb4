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
import org.evenhand.common.ProblemException;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Roles;
import org.evenhand.web.Form;
import org.evenhand.web.Html;

/**
 * The complaints manager's pages for the letters (decision 0043): every kind in each language with the
 * version in force; one letter's text to edit, preview with sample data and publish, with its history.
 * The same use case as /api/manager/letters.
 */
@Path("/manager/letters")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.MANAGER)
public class LetterPages {

    static final Map<String, String> DONE = Map.of("published",
            "The new version is published: letters of this kind in this language are written from it now.");

    public record ListPage(List<LetterAdmin.Entry> letters) {
    }

    public record EditPage(LetterAdmin.LetterView letter, String subject, String body, LetterAdmin.Preview preview,
            String done) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance letters(ListPage page);

        static native TemplateInstance letter(EditPage page, Form form);
    }

    @Inject
    LetterAdmin letters;
    @Inject
    CurrentUser user;

    @GET
    @Operation(hidden = true)
    public Response list() {
        return Html.ok(Templates.letters(new ListPage(letters.list())));
    }

    @GET
    @Path("/{kind}/{locale}")
    @Operation(hidden = true)
    public Response letter(@PathParam("kind") String kind, @PathParam("locale") String locale,
            @QueryParam("done") String done) {
        LetterAdmin.LetterView v = letters.one(kind, locale);
        return Html.ok(Templates.letter(new EditPage(v, v.current().subject(), v.current().body(), null,
                Html.message(DONE, done)), Form.empty()));
    }

    /** Preview (action=preview) or publish (action=publish) the text the form holds. */
    @POST
    @Path("/{kind}/{locale}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response submit(@PathParam("kind") String kind, @PathParam("locale") String locale,
            MultivaluedMap<String, String> fields) {
        LetterAdmin.LetterView v = letters.one(kind, locale);
        Form form = Form.of(fields);
        LetterAdmin.Edit in = new LetterAdmin.Edit(form.value("subject"), form.value("body"));
        LetterAdmin.Preview preview = null;
        int status = 200;
        try {
            if ("publish".equals(form.value("action"))) {
                letters.publish(user.username(), kind, locale, in);
                return Html.seeOther("/manager/letters/" + kind + "/" + locale + "?done=published");
            }
            preview = letters.preview(kind, locale, in);
        } catch (ProblemException e) {
            if (e.status() != 400 && e.status() != 409) {
                throw e;
            }
            status = e.status();
            form.reject(e, "body");
        }
        return Html.page(status, Templates.letter(new EditPage(v, in.subject(), in.body(), preview, null), form));
    }
}
