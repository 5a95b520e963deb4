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
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * The messages on a case for its caseworkers (decision 0033): every party's thread, with who wrote,
 * and a form to write to one party. Panel members have no access (they work blind).
 */
@Path("/work/cases/{ref}/messages")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.CASEWORKER)
public class StaffMessagePages {

    static final Map<String, String> DONE = Map.of(
            "sent", "Your message has been sent. The member has been emailed that a message waits for them, without its text.");

    /** One message as a caseworker reads it. */
    public record Line(String when, String iso, String from, boolean fromStaff, List<String> text) {
    }

    /** One party member's thread: who they are, and the value that addresses them in the form. */
    public record Thread(String title, String to, List<Line> lines) {
    }

    public record Page(String ref, List<Thread> threads, List<CaseMessages.Addressee> addressees, String done) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance messages(Page page, Form form);
    }

    @Inject
    CaseMessages messages;
    @Inject
    CurrentUser user;

    @GET
    @Operation(hidden = true)
    public Response show(@PathParam("ref") String ref, @QueryParam("done") String done) {
        return Html.ok(Templates.messages(page(ref, done), Form.empty()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response send(@PathParam("ref") String ref, MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        try {
            messages.reply(user.username(), ref, new CaseMessages.StaffMessageRequest(form.text("to"), form.text("text")));
            return Html.seeOther("/work/cases/" + ref + "/messages?done=sent");
        } catch (ConstraintViolationException e) {
            form.reject(e);
        } catch (ProblemException e) {
            if (e.status() != 400) {
                throw e;
            }
            form.reject(e, "text");
        }
        return Html.page(400, Templates.messages(page(ref, null), form));
    }

    /** The case's threads, grouped by party member in the order they began; 404 for a case one may not handle. */
    private Page page(String ref, String done) {
        CaseMessages.StaffThreads all = messages.forStaffPage(user.username(), ref);
        return new Page(ref, threads(all.messages()), all.addressees(), Html.message(DONE, done));
    }

    /** Messages grouped into threads, for the case file and this page. */
    static List<Thread> threads(List<CaseMessages.StaffMessage> all) {
        Map<String, List<CaseMessages.StaffMessage>> by = new LinkedHashMap<>();
        all.forEach(x -> by.computeIfAbsent(x.party() + "/" + x.membershipNumber(), k -> new ArrayList<>()).add(x));
        return by.values().stream().map(list -> {
            CaseMessages.StaffMessage first = list.get(0);
            return new Thread(first.partyName() + " (the " + first.party() + ")", first.membershipNumber(), list.stream()
                    .map(x -> new Line(Formats.when(x.at()), Formats.iso(x.at()),
                            x.fromStaff() ? x.author() : first.partyName(), x.fromStaff(),
                            CaseDisplay.paragraphs(x.text()))).toList());
        }).toList();
    }
}
