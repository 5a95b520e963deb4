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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.evenhand.common.Durations;
import org.evenhand.common.TimeSource;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Member;
import org.evenhand.identity.Roles;
import org.evenhand.web.Form;
import org.evenhand.web.Formats;
import org.evenhand.web.Html;
import org.evenhand.web.PageLanguage;
import org.evenhand.web.Words;

/** A member's data: downloading it, asking for a copy (subject access) and asking for erasure. */
@Path("/me/data")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.MEMBER)
public class MemberDataPages {

    public record DataPage(String name, String membershipNumber, String done) {
    }

    /** The review step before a subject access request: who it is from, when it is received, when it is due. */
    public record RequestReview(String name, String membershipNumber, String today, String due) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance data(DataPage page, Form form);

        static native TemplateInstance accessRequest(RequestReview page, Form form);
    }

    @Inject
    SubjectAccessService access;
    @Inject
    SubjectAccessRequests requests;
    @Inject
    PrivacyConfig config;
    @Inject
    TimeSource time;
    @Inject
    ErasureService erasure;
    @Inject
    CurrentUser user;
    @Inject
    PageLanguage language;

    // ------------------------------------------------------------ my data

    @GET
    @Operation(hidden = true)
    public Response data(@QueryParam("done") String done) {
        Member m = user.requireMember();
        return Html.ok(Templates.data(new DataPage(m.displayName, m.membershipNumber, done == null ? null : Words.in(MemberDataWords.class, language.locale()).done(done)), Form.empty()));
    }

    @GET
    @Path("/download")
    @Produces("application/zip")
    @Operation(hidden = true)
    public Response download() {
        return access.packFor(user.requireMember()).download();
    }

    @GET
    @Path("/access-request")
    @Operation(hidden = true)
    public Response reviewAccessRequest() {
        return Html.ok(Templates.accessRequest(review(user.requireMember()), Form.empty()));
    }

    /** Sent only with the review's box ticked; without it, the review again with the reason and nothing sent. */
    @POST
    @Path("/access-request")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response requestAccess(MultivaluedMap<String, String> fields) {
        Member m = user.requireMember();
        Form form = Form.of(fields);
        if (!form.ticked("confirm")) {
            form.error("confirm", Words.in(PrivacyWords.class, language.locale()).reviewConfirmRequired());
            return Html.page(400, Templates.accessRequest(review(m), form));
        }
        requests.request(m);
        return Html.seeOther("/me/data?done=access");
    }

    private RequestReview review(Member m) {
        Instant now = time.now();
        return new RequestReview(m.displayName, m.membershipNumber, Formats.date(now, language.locale()),
                Formats.date(Durations.after(now, config.responseDeadline()), language.locale()));
    }

    @POST
    @Path("/erasure-request")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response requestErasure(MultivaluedMap<String, String> fields) {
        Member m = user.requireMember();
        Form form = Form.of(fields);
        try {
            erasure.request(m, new ErasureRequest(form.text("statement")));
        } catch (ConstraintViolationException e) {
            return Html.page(400, Templates.data(new DataPage(m.displayName, m.membershipNumber, null), form.reject(e)));
        }
        return Html.seeOther("/me/data?done=erasure");
    }
}
