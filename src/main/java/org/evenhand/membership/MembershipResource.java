package org.evenhand.membership;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evenhand.common.ProblemException;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Roles;

/**
 * The party's membership system applies its members to Evenhand (decision 0039): with a token of its
 * own service client (role membership-sync), or a complaints manager's. One endpoint for a membership
 * file (text/csv) and for JSON; {@code dryRun=true} says what would change and stores nothing.
 */
@Path("/api/membership")
@Tag(name = "Membership sync")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.MEMBERSHIP_SYNC, Roles.MANAGER })
public class MembershipResource {

    static final String CSV = "text/csv";

    /** A JSON batch: the members, each as a row of a membership file would state them. */
    @Schema(name = "MembershipBatch")
    public record Members(List<MemberRecord> members) {
    }

    @Inject
    MembershipSync sync;
    @Inject
    MembershipCsv csv;
    @Inject
    SyncHistory history;
    @Inject
    MembershipWords words;
    @Inject
    ObjectMapper json;
    @Inject
    CurrentUser user;

    @POST
    @Path("/sync")
    @Consumes({ CSV, MediaType.APPLICATION_JSON })
    @Operation(summary = "Apply members from the membership system: created, updated, lapsed (dryRun: only say what would change)",
            description = "Upsert by membership number, idempotent: the same members sent twice change nothing the second time."
                    + " A membership file (text/csv, UTF-8) has a first line naming the columns membership_number, display_name,"
                    + " email, clp, region, status (active or lapsed) and optionally joined_on; JSON is {\"members\": [...]}."
                    + " mode=upsert touches only the members sent; mode=full treats them as the whole membership and also lapses"
                    + " every active member left out (refused if that is more than evenhand.membership.full-sync-max-lapse-share"
                    + " of them). Every record is checked first: one refused record refuses the batch, each refusal with its"
                    + " line (files) or index (JSON), and nothing is stored. A lapsed member keeps their cases; their Keycloak"
                    + " user is disabled after the commit, a new member's created.")
    @RequestBody(required = true, content = {
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING, maxLength = 11_534_336)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Members.class)) })
    public MembershipSync.Report sync(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = "true: say what would change, store nothing") @QueryParam("dryRun") String dryRun,
            @Parameter(schema = @Schema(enumeration = { "upsert", "full" }, defaultValue = "upsert")) @QueryParam("mode") String mode,
            byte[] body) throws IOException {
        SyncRules.Mode m = mode == null ? SyncRules.Mode.UPSERT : SyncRules.Mode.of(mode);
        if (m == null) {
            throw ProblemException.invalidField("mode", words.mode());
        }
        if (dryRun != null && !"true".equals(dryRun) && !"false".equals(dryRun)) {
            throw ProblemException.invalidField("dryRun", words.dryRun());
        }
        return sync.sync(batch(contentType, body), m, "true".equals(dryRun),
                new MembershipSync.Source("api", user.username(), null));
    }

    private MembershipBatch batch(String contentType, byte[] body) throws IOException {
        MediaType type;
        try {
            type = MediaType.valueOf(contentType);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProblemException(415, "unsupported-media-type", "Unsupported Media Type", words.mediaType(), List.of());
        }
        if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            Members given = json.readValue(body, Members.class);
            List<MembershipBatch.Row> rows = new ArrayList<>();
            List<MemberRecord> members = given == null || given.members() == null ? List.of() : given.members();
            for (int i = 0; i < members.size(); i++) {
                rows.add(new MembershipBatch.Row(i, members.get(i)));
            }
            return new MembershipBatch(rows, false);
        }
        return csv.read(csv.text(body));
    }

    @GET
    @Path("/syncs")
    @Operation(summary = "The syncs applied lately (newest first, at most 20) and the members whose Keycloak user waits")
    public SyncHistory.Recent recent() {
        return history.recent();
    }
}
