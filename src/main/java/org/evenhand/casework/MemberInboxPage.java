package org.evenhand.casework;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.evenhand.casework.InboxPages.Page;
import org.evenhand.casework.InboxPages.Row;
import org.evenhand.casework.InboxPages.Templates;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Roles;
import org.evenhand.web.Html;

/** A member's inbox: new on their timelines since they last looked, and their coming deadlines (decision 0033). */
@Path("/me/inbox")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.MEMBER)
public class MemberInboxPage {

    @Inject
    Inbox inbox;
    @Inject
    CurrentUser user;

    @GET
    @Operation(hidden = true)
    public Response member() {
        Inbox.MemberInbox in = inbox.forMember(user.requireMember());
        List<Row> rows = in.items().stream().map(i -> new Row(i.at(), i.caseRef(), CaseDisplay.paragraphs(i.text()),
                "/me/cases/" + i.caseRef() + (CaseMessages.KIND.equals(i.kind()) ? "#messages" : ""),
                MemberEvents.ofInbox(i), null))
                .toList();
        List<Row> deadlines = in.deadlines().stream().map(d -> new Row(d.due(), d.caseRef(), List.of(),
                "/me/cases/" + d.caseRef(), null, d.step())).toList();
        return Html.ok(Templates.inbox(new Page(in.since(), false, rows, deadlines, List.of())));
    }
}
