package org.evenhand.casework;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.evenhand.common.TimeSource;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Member;
import org.evenhand.identity.Roles;

/** A member's own cases, as a page; signing in goes through Keycloak (authorization code flow). */
@Path("/me")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.MEMBER)
public class MyCasesPage {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).withZone(TimeSource.ZONE);

    public record Row(String ref, String role, String stage, String received) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance cases(String name, List<Row> rows);
    }

    @Inject
    CaseViews views;
    @Inject
    CurrentUser user;

    @GET
    @Operation(hidden = true)
    public String cases() {
        Member m = user.requireMember();
        List<Row> rows = views.casesOf(m).stream()
                .map(c -> new Row(c.ref(), c.yourRole(), c.stage(), DATE.format(c.receivedAt()))).toList();
        return Templates.cases(m.displayName, rows).render();
    }
}
