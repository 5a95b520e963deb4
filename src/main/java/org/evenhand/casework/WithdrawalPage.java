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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.evenhand.casework.rules.Withdrawal;
import org.evenhand.common.ProblemException;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Member;
import org.evenhand.identity.Roles;
import org.evenhand.web.Form;
import org.evenhand.web.Html;
import org.evenhand.web.PageLanguage;
import org.evenhand.web.Words;

/**
 * A complainant withdrawing their complaint: the page says what withdrawing will do (end the case, or
 * only their own part of a complaint others made too) before they confirm it, and the same use case as
 * the API does it.
 */
@Path("/me")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.MEMBER)
public class WithdrawalPage {

    public record WithdrawPage(String ref, String about, boolean endsCase) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance withdraw(WithdrawPage page, Form form);
    }

    @Inject
    Withdrawing withdrawals;
    @Inject
    CaseViews views;
    @Inject
    CurrentUser user;
    @Inject
    PageLanguage language;

    @GET
    @Path("/cases/{ref}/withdraw")
    @Operation(hidden = true)
    public Response form(@PathParam("ref") String ref) {
        return Html.ok(Templates.withdraw(page(ref), Form.empty()));
    }

    @POST
    @Path("/cases/{ref}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response withdraw(@PathParam("ref") String ref, MultivaluedMap<String, String> fields) {
        Member m = user.requireMember();
        Form form = Form.of(fields);
        WithdrawPage page = null;
        try {
            page = page(ref);
            Withdrawal.Effect effect = withdrawals.withdraw(m, ref, new Payloads.Withdrawal(form.text("reason")));
            return Html.seeOther("/me/cases/" + ref + "?done="
                    + (effect == Withdrawal.Effect.ENDS_CASE ? "complaint-withdrawn" : "part-withdrawn"));
        } catch (ConstraintViolationException e) {
            form.reject(e);
        } catch (ProblemException e) {
            // sent twice (a second click, a replayed form): the first withdrew it; show the case as it did
            if (e.status() == 409 && withdrawals.hasWithdrawn(m, ref)) {
                return Html.seeOther("/me/cases/" + ref);
            }
            throw e;
        }
        return Html.page(400, Templates.withdraw(page, form));
    }

    /** The page for a complainant who may still withdraw; 409 once they may not (decided, ended, withdrawn). */
    private WithdrawPage page(String ref) {
        Member m = user.requireMember();
        Withdrawal.Effect effect = withdrawals.effectFor(m, ref);
        if (effect == Withdrawal.Effect.REFUSED) {
            throw ProblemException.conflict(Words.in(WithdrawalWords.class, language.locale()).tooLate(ref));
        }
        return new WithdrawPage(ref, views.forMember(m, ref).otherParty(), effect == Withdrawal.Effect.ENDS_CASE);
    }
}
