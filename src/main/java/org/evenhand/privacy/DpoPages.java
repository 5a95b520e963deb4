package org.evenhand.privacy;

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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Member;
import org.evenhand.identity.Roles;
import org.evenhand.casework.CaseDisplay;
import org.evenhand.web.Due;
import org.evenhand.web.Form;
import org.evenhand.web.Formats;
import org.evenhand.web.Html;

/** The data protection officer's pages: requests with their deadlines, the retention queue, legal holds. */
@Path("/dpo")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.DPO)
public class DpoPages {

    static final Map<String, String> DONE = Map.of(
            "decided", "The erasure request is decided; the member has been told through the record.",
            "held", "The legal hold is in place: retention waits until it is released.",
            "released", "The legal hold is released; retention proceeds, at once if its date has passed.");

    public record AccessRow(long id, String member, String membershipNumber, String requested, boolean byPost, Due due) {
    }

    /** An answered subject access request: its history stays. */
    public record AnsweredRow(long id, String member, String membershipNumber, String requested, String answered,
            String answeredBy, int withheld) {
    }

    public record ErasureRow(long id, String member, String membershipNumber, String requested, Due due,
            List<String> statement, String decided, Boolean approved, List<String> reasons, Integer casesErased) {
    }

    public record RetentionRow(String ref, String action, Due due, String warnFrom, boolean warned, boolean onHold,
            String holdSince) {
    }

    public record Overview(List<AccessRow> access, List<AnsweredRow> answered, List<ErasureRow> erasure,
            List<ErasureRow> decided, List<RetentionRow> retention, String done) {
    }

    public record ErasurePage(ErasureRow request) {
    }

    public record HoldPage(RetentionRow entry) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(Overview page);

        static native TemplateInstance erasure(ErasurePage page, Form form);

        static native TemplateInstance hold(HoldPage page, Form form);
    }

    @Inject
    SubjectAccessService access;
    @Inject
    SubjectAccessRequests requests;
    @Inject
    ErasureService erasure;
    @Inject
    RetentionService retention;
    @Inject
    TimeSource time;
    @Inject
    CurrentUser user;



    @GET
    @Operation(hidden = true)
    public Response overview(@QueryParam("done") String done) {
        Instant now = time.now();
        List<AccessRow> sars = requests.open().stream().map(r -> new AccessRow(r.id(), name(r.membershipNumber()),
                r.membershipNumber(), Formats.date(r.requestedAt()), SubjectAccessRequests.POST.equals(r.receivedVia()),
                Due.of("Answer due", r.dueAt(), now))).toList();
        List<AnsweredRow> answered = requests.answered(20).stream().map(r -> new AnsweredRow(r.id(),
                name(r.membershipNumber()), r.membershipNumber(), Formats.date(r.requestedAt()),
                Formats.date(r.fulfilledAt()), r.fulfilledBy(), r.withheld() == null ? 0 : r.withheld().size())).toList();
        List<ErasureRow> all = erasure.all(false).stream().map(r -> erasureRow(r, now)).toList();
        return Html.ok(Templates.overview(new Overview(sars, answered, all.stream().filter(r -> r.decided() == null).toList(),
                all.stream().filter(r -> r.decided() != null).toList(), retentionRows(now), Html.message(DONE, done))));
    }

    private List<RetentionRow> retentionRows(Instant now) {
        return retention.queue().stream().map(q -> new RetentionRow(q.ref(), "anonymise".equals(q.action())
                ? "Anonymise (upheld)" : "Destroy (dismissed or not upheld)", Due.of("Retention", q.dueAt(), now),
                Formats.date(q.warnFrom()), q.warned(), q.onHold(), Formats.date(q.holdPlacedAt()))).toList();
    }

    private ErasureRow erasureRow(ErasureService.RequestView r, Instant now) {
        return new ErasureRow(r.id(), name(r.membershipNumber()), r.membershipNumber(), Formats.date(r.requestedAt()),
                r.decidedAt() == null ? Due.of("Decision due", r.dueAt(), now) : null,
                CaseDisplay.paragraphs(r.statement()), r.decidedAt() == null ? null : Formats.date(r.decidedAt()),
                r.approved(), CaseDisplay.paragraphs(r.decisionReasons()), r.casesErased());
    }

    private static String name(String membershipNumber) {
        return Member.byMembershipNumber(membershipNumber).map(m -> m.displayName).orElse("A former member");
    }

    @GET
    @Path("/members/{number}/data")
    @Produces("application/zip")
    @Operation(hidden = true)
    public Response pack(@PathParam("number") String number) {
        return access.packOf(number, user.username()).download();
    }

    @GET
    @Path("/erasure-requests/{id}")
    @Operation(hidden = true)
    public Response erasureForm(@PathParam("id") long id) {
        return Html.ok(Templates.erasure(new ErasurePage(erasureRequest(id)), Form.empty()));
    }

    @POST
    @Path("/erasure-requests/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response decide(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        try {
            erasure.decide(id, user.username(), new ErasureService.Decision(form.yesNo("approve"), form.text("reasons")));
            return Html.seeOther("/dpo?done=decided#erasure");
        } catch (ConstraintViolationException e) {
            form.reject(e);
        }
        return Html.page(400, Templates.erasure(new ErasurePage(erasureRequest(id)), form));
    }

    private ErasureRow erasureRequest(long id) {
        Instant now = time.now();
        return erasure.all(false).stream().filter(r -> r.id() == id).map(r -> erasureRow(r, now)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("erasure request " + id));
    }

    @GET
    @Path("/retention/{ref}")
    @Operation(hidden = true)
    public Response holdForm(@PathParam("ref") String ref) {
        return Html.ok(Templates.hold(new HoldPage(entry(ref)), Form.empty()));
    }

    @POST
    @Path("/retention/{ref}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response hold(@PathParam("ref") String ref, MultivaluedMap<String, String> fields) {
        RetentionRow entry = entry(ref);
        Form form = Form.of(fields);
        try {
            if (entry.onHold()) {
                retention.releaseHold(user.username(), ref, new RetentionService.ReleaseHold(form.text("reason")));
                return Html.seeOther("/dpo?done=released#retention");
            }
            retention.placeHold(user.username(), ref, new RetentionService.PlaceHold(form.text("reason")));
            return Html.seeOther("/dpo?done=held#retention");
        } catch (ConstraintViolationException e) {
            form.reject(e);
        }
        return Html.page(400, Templates.hold(new HoldPage(entry), form));
    }

    private RetentionRow entry(String ref) {
        return retentionRows(time.now()).stream().filter(r -> r.ref().equals(ref)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("case " + ref + " in the retention queue"));
    }
}
