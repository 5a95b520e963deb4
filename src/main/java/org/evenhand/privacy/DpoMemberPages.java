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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Member;
import org.evenhand.identity.Roles;
import org.evenhand.web.Due;
import org.evenhand.web.Form;
import org.evenhand.web.Formats;
import org.evenhand.web.Html;

/**
 * The DPO's pages about one member: finding them by name or membership number (names and numbers
 * only), their request history (answered requests stay), recording a request that came by post, and
 * marking a subject access request answered through a review step that shows what will be recorded
 * (without scripts: the review is its own page, and the answer is recorded only with its box ticked).
 */
@Path("/dpo")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.DPO)
public class DpoMemberPages {

    static final Map<String, String> DONE = Map.of(
            "recorded", "The request that came by post is recorded: its month runs from the day the letter arrived.",
            "answered", "The subject access request is marked as answered, with what it withheld and why.");

    public record Found(String number, String name) {
    }

    public record SearchPage(boolean searched, List<Found> found) {
    }

    /** One request in the history, as the page shows it. */
    public record HistoryRow(String kind, long id, String received, boolean byPost, String recordedBy, Due due,
            String answered, String answeredBy, Boolean approved, List<SubjectAccessService.IndexLine> withheld,
            String href) {
    }

    public record MemberPage(String name, String number, List<HistoryRow> history, String today, String done) {
    }

    public record AnswerPage(long id, String name, String number, String received, boolean byPost, Due due,
            String answeredOn, String answeredBy, List<SubjectAccessService.IndexLine> withheld) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(SearchPage page, Form form);

        static native TemplateInstance member(MemberPage page, Form form);

        static native TemplateInstance answer(AnswerPage page, Form form);
    }

    @Inject
    RequestHistory history;
    @Inject
    PostalRequests postal;
    @Inject
    SubjectAccessRequests requests;
    @Inject
    SubjectAccessService access;
    @Inject
    DpoWords words;
    @Inject
    TimeSource time;
    @Inject
    CurrentUser user;

    // ------------------------------------------------------------ finding a member

    @GET
    @Path("/members")
    @Operation(hidden = true)
    public Response search(@QueryParam("q") String q) {
        Form form = Form.empty().set("q", q);
        if (q == null) {
            return Html.ok(Templates.search(new SearchPage(false, List.of()), form));
        }
        try {
            List<Found> found = history.find(q).stream().map(m -> new Found(m.membershipNumber(), m.displayName())).toList();
            return Html.ok(Templates.search(new SearchPage(true, found), form));
        } catch (ProblemException e) {
            if (e.status() != 400) {
                throw e;
            }
            return Html.page(400, Templates.search(new SearchPage(false, List.of()), form.reject(e, "q")));
        }
    }

    // ------------------------------------------------------------ one member: history, a request by post

    @GET
    @Path("/members/{number}")
    @Operation(hidden = true)
    public Response member(@PathParam("number") String number, @QueryParam("done") String done) {
        return Html.ok(Templates.member(memberPage(number, Html.message(DONE, done)), Form.empty()));
    }

    @POST
    @Path("/members/{number}/requests")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response recordPostal(@PathParam("number") String number, MultivaluedMap<String, String> fields) {
        MemberPage page = memberPage(number, null);
        Form form = Form.of(fields);
        try {
            postal.record(user.username(), number, new PostalRequest(PostalRequest.Kind.of(form.text("kind")),
                    date(form.text("receivedOn")), form.text("statement")));
            return Html.seeOther("/dpo/members/" + number + "?done=recorded#history");
        } catch (ConstraintViolationException e) {
            form.reject(e);
        }
        return Html.page(400, Templates.member(page, form));
    }

    private MemberPage memberPage(String number, String done) {
        Instant now = time.now();
        RequestHistory.History h = history.of(number);
        List<HistoryRow> rows = h.requests().stream().map(e -> new HistoryRow(e.kind(), e.id(),
                Formats.date(e.receivedAt()), SubjectAccessRequests.POST.equals(e.receivedVia()), e.recordedBy(),
                e.answeredAt() == null ? Due.of("Answer due", e.dueAt(), now) : null,
                e.answeredAt() == null ? null : Formats.date(e.answeredAt()), e.answeredBy(), e.approved(),
                e.withheld() == null ? List.of() : e.withheld().stream().map(access::line).toList(),
                e.answeredAt() != null ? null : RequestHistory.ACCESS.equals(e.kind())
                        ? "/dpo/subject-access-requests/" + e.id() : "/dpo/erasure-requests/" + e.id())).toList();
        return new MemberPage(h.displayName(), h.membershipNumber(), rows, time.today().toString(), done);
    }

    /** A date as the browser's date field sends it; anything else is no date (and the command says so). */
    private static LocalDate date(String value) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    // ------------------------------------------------------------ marking a subject access request answered

    @GET
    @Path("/subject-access-requests/{id}")
    @Operation(hidden = true)
    public Response review(@PathParam("id") long id) {
        return Html.ok(Templates.answer(answerPage(id), Form.empty()));
    }

    @POST
    @Path("/subject-access-requests/{id}/fulfil")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response fulfil(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        if (!form.ticked("confirm")) {
            form.error("confirm", words.confirmAnswered());
            return Html.page(400, Templates.answer(answerPage(id), form));
        }
        SubjectAccessRequests.RequestView r = requests.fulfil(id, user.username());
        return Html.seeOther("/dpo/members/" + r.membershipNumber() + "?done=answered#history");
    }

    private AnswerPage answerPage(long id) {
        SubjectAccessRequests.Answer a = requests.preview(id, user.username());
        SubjectAccessRequests.RequestView r = a.request();
        String name = Member.byMembershipNumber(r.membershipNumber()).map(m -> m.displayName).orElse(r.membershipNumber());
        return new AnswerPage(r.id(), name, r.membershipNumber(), Formats.date(r.requestedAt()),
                SubjectAccessRequests.POST.equals(r.receivedVia()), Due.of("Answer due", r.dueAt(), a.at()),
                Formats.date(a.at()), a.by(), a.withheld().stream().map(access::line).toList());
    }
}
