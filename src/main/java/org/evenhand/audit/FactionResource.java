package org.evenhand.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Member;
import org.evenhand.identity.Roles;

/** A member's own faction declaration: see it and the notice, give or change it, withdraw it. */
@Path("/api/me/faction")
@Tag(name = "My faction declaration")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.MEMBER)
public class FactionResource {

    @Inject
    FactionService factions;
    @Inject
    AuditConfig config;
    @Inject
    FactionLists lists;
    @Inject
    CurrentUser user;

    public record Notice(String version, String purpose, String text) {
    }

    public record FactionView(boolean declared, String faction, String noticeVersion, Instant declaredAt,
            Instant updatedAt, List<String> options, Notice notice, List<FactionService.Consent> consentRecord) {
    }

    public record Declaration(@NotNull(message = "{faction.faction.required}") @Size(max = 100) String faction,
            @NotNull(message = "{faction.consent.required}")
            @AssertTrue(message = "{faction.consent.required}") Boolean consent,
            @NotNull @Size(max = 50) String noticeVersion) {
    }

    static final String NOTICE = "Declaring a faction is voluntary and has no effect on any complaint. The party"
            + " uses it only to check, in aggregate, that complaints are handled alike for every faction: the"
            + " fairness audit published to the NEC each quarter. It is never shown on any case, to caseworkers,"
            + " panels or anyone else, and no published count is smaller than %d. Your faction is"
            + " a political opinion, special category data under UK GDPR Article 9; we hold it on the basis of your"
            + " explicit consent (Article 9(2)(a)), recorded with the version of this notice. You can change or"
            + " withdraw it here at any time, as easily as you gave it; withdrawal deletes it at once, and reports"
            + " made after that no longer count it. You may choose \u201cPrefer not to say\u201d.";

    @GET
    @Operation(summary = "My faction declaration (if any), the options, the notice and my consent record")
    public FactionView get() {
        return view(user.requireMember());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Declare or change my faction, consenting to the notice version shown by GET")
    @APIResponse(responseCode = "200", description = "Recorded")
    @APIResponse(responseCode = "400", description = "No consent, unknown faction or outdated notice (problem+json)")
    public FactionView put(@Valid @NotNull Declaration body) {
        Member m = user.requireMember();
        factions.declare(m, body.faction(), body.noticeVersion(), body.consent());
        return view(m);
    }

    @DELETE
    @Operation(summary = "Withdraw my faction declaration: it is deleted at once")
    @APIResponse(responseCode = "204", description = "Withdrawn (or there was none)")
    public Response delete() {
        factions.withdraw(user.requireMember());
        return Response.noContent().build();
    }

    private FactionView view(Member m) {
        FactionService.State s = factions.state(m);
        Notice notice = new Notice(lists.current().noticeVersion(), config.notice().purpose(),
                NOTICE.formatted(config.suppressionThreshold()));
        return s.declaration().map(d -> new FactionView(true, d.faction, d.noticeVersion, d.declaredAt, d.updatedAt,
                factions.options(), notice, s.consents()))
                .orElseGet(() -> new FactionView(false, null, null, null, null, factions.options(), notice,
                        s.consents()));
    }
}
