package org.evenhand.casework;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Roles;
import org.evenhand.web.Html;

/**
 * The inbox: what changed on one's cases since one last looked (decision 0033). Looking marks it
 * seen. The member's is {@code /me/inbox} ({@link MemberInboxPage}); this is the handlers'.
 */
@Path("/work/inbox")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.CASEWORKER, Roles.PANEL })
public class InboxPages {

    /**
     * One line: when, the case, what happened, and where to read it. On a member's inbox an event is
     * worded by the page ({@code event}, labels:event) and a deadline by its step ({@code step}).
     */
    public record Row(Instant at, String caseRef, List<String> text, String href, MemberEvents.Row event,
            String step) {

        Row(Instant at, String caseRef, List<String> text, String href) {
            this(at, caseRef, text, href, null, null);
        }
    }

    public record TaskLine(String title, String caseRef, String href, Instant due) {
    }

    /** {@code since}: when the person last looked, or null the first time. */
    public record Page(Instant since, boolean staff, List<Row> rows, List<Row> deadlines, List<TaskLine> tasks) {
    }

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance inbox(Page page);
    }

    @Inject
    Inbox inbox;
    @Inject
    CurrentUser user;

    @GET
    @Operation(hidden = true)
    public Response staff() {
        Inbox.StaffInbox in = inbox.forStaff(user.username(), user.hasRole(Roles.CASEWORKER));
        List<Row> rows = in.messages().stream().map(i -> new Row(i.at(), i.caseRef(), List.of(i.text()),
                "/work/cases/" + i.caseRef() + "/messages")).toList();
        List<TaskLine> tasks = in.newTasks().stream().map(t -> new TaskLine(t.name(), t.caseRef(),
                "/work/tasks/" + t.id(), t.due())).toList();
        return Html.ok(Templates.inbox(new Page(in.since(), true, rows, List.of(), tasks)));
    }
}
