package org.evenhand.audit;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.evenhand.common.ProblemException;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Member;
import org.evenhand.identity.Roles;
import org.evenhand.web.Form;
import org.evenhand.web.Html;
import org.evenhand.web.PageErrors;

/**
 * The confidence survey as pages: a member's open invitations, the four questions for one of them,
 * and a thank-you. The same use case as POST /api/me/survey/{id}. Its templates live with the
 * audit's (templates/AuditPages), since they speak of a member's declared faction.
 */
@Path("/me/survey")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.MEMBER)
public class MySurveyPage {

    /** An invitation as the pages show it: its outcome band by code and its last day (the page words them). */
    public record Row(String id, String caseRef, boolean respondent, String band, java.time.LocalDate closes) {
    }

    /** days: how long a party may answer after their case ends; threshold: the smallest count published. */
    public record ListPage(List<Row> rows, int days, int threshold) {
    }

    /** One invitation's form; faction: the member's declared faction (code and label), which they may choose to give. */
    public record AnswerPage(Row invitation, String factionCode, String faction, int threshold) {
    }

    @CheckedTemplate(basePath = "AuditPages")
    static class Templates {
        static native TemplateInstance survey(ListPage page);

        static native TemplateInstance surveyAnswer(AnswerPage page, Form form);

        static native TemplateInstance surveyThanks();
    }

    /** The form's fields and the answer's, for error messages. */
    static final Map<String, String> FIELDS = Map.of("heard", "heard", "neutral", "neutral", "respect", "respect",
            "trust", "trust", "withFaction", "withFaction");

    @Inject
    ConfidenceSurvey survey;
    @Inject
    CurrentUser user;
    @Inject
    AuditConfig config;

    @GET
    @Operation(hidden = true)
    public Response list() {
        ConfidenceSurvey.Open open = survey.open(user.requireMember());
        return Html.ok(Templates.survey(new ListPage(open.invitations().stream().map(MySurveyPage::row).toList(),
                config.survey().invitationDays(), config.suppressionThreshold())));
    }

    @GET
    @Path("thanks")
    @Operation(hidden = true)
    public Response thanks() {
        return Html.ok(Templates.surveyThanks());
    }

    @GET
    @Path("{id}")
    @Operation(hidden = true)
    public Response form(@PathParam("id") String id) {
        Member m = user.requireMember();
        return Html.ok(Templates.surveyAnswer(page(m, survey.invitation(m, id)), Form.empty()));
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response answer(@PathParam("id") String id, MultivaluedMap<String, String> fields) {
        Member m = user.requireMember();
        Form form = Form.of(fields);
        try {
            survey.answer(m, id, new SurveyAnswer(score(form, "heard"), score(form, "neutral"),
                    score(form, "respect"), score(form, "trust"), form.ticked("withFaction")));
            return Html.seeOther("/me/survey/thanks");
        } catch (ConstraintViolationException e) {
            PageErrors.onto(form, e, FIELDS, "heard");
        } catch (ProblemException e) {
            if (e.status() != 400) {
                throw e;
            }
            PageErrors.onto(form, e, FIELDS, "heard");
        }
        return Html.page(400, Templates.surveyAnswer(page(m, survey.invitation(m, id)), form));
    }

    /** A radio button's value: 1 to 5 are answers; anything else is no answer (and the form says so). */
    private static Integer score(Form form, String name) {
        String v = form.text(name);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private AnswerPage page(Member m, ConfidenceSurvey.Invitation i) {
        String faction = survey.declaredFaction(m);
        return new AnswerPage(row(i), faction, faction == null ? null : AuditViews.group(faction),
                config.suppressionThreshold());
    }

    private static Row row(ConfidenceSurvey.Invitation i) {
        return new Row(i.id(), i.caseRef(), "respondent".equals(i.role()), i.band().code, i.expiresOn());
    }
}
