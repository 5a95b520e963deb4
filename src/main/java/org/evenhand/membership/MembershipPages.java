package org.evenhand.membership;

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
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.evenhand.common.Problem;
import org.evenhand.common.ProblemException;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Roles;
import org.evenhand.web.Form;
import org.evenhand.web.Formats;
import org.evenhand.web.Html;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The complaints manager's membership page (decision 0039): upload a membership file, see what it
 * would change (the same dry run as the API), then confirm to apply exactly that; the syncs applied
 * lately, and the members whose Keycloak user waits or fails. The same use case as /api/membership.
 */
@Path("/manager/membership")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.MANAGER)
public class MembershipPages {

    static final Map<String, String> KINDS = Map.of("created", "New member", "updated", "Details changed", "lapsed",
            "Lapsed", "reactivated", "Member again", "unchanged", "No change");
    static final Map<String, String> FIELDS = Map.of("displayName", "name", "email", "email", "clp", "CLP", "region",
            "region", "status", "status");
    static final Map<String, String> SOURCES = Map.of("api", "membership system", "page", "uploaded here", "file",
            "file drop");
    static final Map<String, String> MODES = Map.of("upsert", "Only the members in the file", "full",
            "The whole membership");
    static final int SHOWN = 500;

    public record Refusal(String line, String column, String message) {
    }

    public record SyncRow(long id, String at, String source, String actor, String mode, String file, int records,
            int created, int updated, int lapsed, int reactivated, int unchanged) {
    }

    public record Failing(String membershipNumber, int attempts, String error, String next) {
    }

    public record Page(List<SyncRow> syncs, int waiting, List<Failing> failing, List<Refusal> refusals, Long applied) {
    }

    public record ChangeRow(String membershipNumber, String change, String fields) {
    }

    public record Preview(long upload, String fileName, String mode, MembershipSync.Report report, List<ChangeRow> rows,
            int hidden, boolean changedSince) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance membership(Page page, Form form);

        static native TemplateInstance preview(Preview page);
    }

    @Inject
    MembershipSync sync;
    @Inject
    MembershipUploads uploads;
    @Inject
    MembershipCsv csv;
    @Inject
    SyncHistory history;
    @Inject
    CurrentUser user;
    @Inject
    MembershipWords words;

    @GET
    @Operation(hidden = true)
    public Response page(@QueryParam("applied") Long applied) {
        return Html.ok(Templates.membership(page(List.of(), applied), Form.empty()));
    }

    @POST
    @Path("/preview")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Response preview(@RestForm("file") FileUpload file, @RestForm("mode") String mode) throws IOException {
        Form form = Form.empty().set("mode", mode);
        SyncRules.Mode m = SyncRules.Mode.of(mode);
        if (file == null || file.size() == 0) {
            form.error("file", words.chooseFile());
        }
        if (m == null) {
            form.error("mode", words.chooseMode());
        }
        if (form.hasErrors()) {
            return Html.page(400, Templates.membership(page(List.of(), null), form));
        }
        String text;
        MembershipSync.Report report;
        try {
            text = csv.text(Files.readAllBytes(file.uploadedFile()));
            report = sync.sync(csv.read(text), m, true, source(file.fileName()));
        } catch (ProblemException refused) {
            if (refused.status() != 400) {
                throw refused;
            }
            form.error("file", words.fileRefused(refused.getMessage()));
            return Html.page(400, Templates.membership(page(refusals(refused), null), form));
        }
        long id = uploads.keep(user.username(), file.fileName(), m, text);
        return Html.ok(Templates.preview(preview(id, file.fileName(), m, report, false)));
    }

    @POST
    @Path("/uploads/{id}/apply")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response apply(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        MembershipUploads.Upload upload = uploads.mine(id, user.username())
                .orElseThrow(() -> ProblemException.notFound("upload " + id));
        MembershipBatch batch = csv.read(upload.content());
        try {
            MembershipSync.Report done = sync.sync(batch, upload.mode(), false, source(upload.fileName()),
                    Form.of(fields).text("plan"));
            uploads.forget(id);
            return Html.seeOther("/manager/membership?applied=" + done.syncId());
        } catch (ProblemException e) {
            if (e.status() != 409) {
                throw e;
            }
            MembershipSync.Report now = sync.sync(batch, upload.mode(), true, source(upload.fileName()));
            return Html.page(409, Templates.preview(preview(id, upload.fileName(), upload.mode(), now, true)));
        }
    }

    private MembershipSync.Source source(String fileName) {
        return new MembershipSync.Source("page", user.username(), fileName);
    }

    private static Preview preview(long id, String fileName, SyncRules.Mode mode, MembershipSync.Report r, boolean changed) {
        List<ChangeRow> rows = r.changes().stream().limit(SHOWN).map(c -> new ChangeRow(c.membershipNumber(),
                KINDS.get(c.change()) + (c.absent() ? " (not in the file)" : ""),
                String.join(", ", c.fields().stream().map(FIELDS::get).toList()))).toList();
        return new Preview(id, fileName, MODES.get(mode.word()), r, rows, Math.max(0, r.changes().size() - SHOWN), changed);
    }

    private static List<Refusal> refusals(ProblemException e) {
        return e.toProblem(null).errors().stream().map((Problem.FieldError f) -> new Refusal(
                f.line() == null ? "" : f.line().toString(), f.field(), f.message())).toList();
    }

    private Page page(List<Refusal> refusals, Long applied) {
        SyncHistory.Recent recent = history.recent();
        List<SyncRow> syncs = recent.syncs().stream().map(s -> new SyncRow(s.id(), Formats.when(s.at()),
                SOURCES.get(s.source()), s.actor(), MODES.get(s.mode()), s.fileName() == null ? "" : s.fileName(),
                s.records(), s.created(), s.updated(), s.lapsed(), s.reactivated(), s.unchanged())).toList();
        List<Failing> failing = recent.provisioning().failing().stream().map(f -> new Failing(f.membershipNumber(),
                f.attempts(), f.lastError(), Formats.when(f.nextAttempt()))).toList();
        return new Page(syncs, recent.provisioning().waiting(), failing, refusals, applied);
    }
}
