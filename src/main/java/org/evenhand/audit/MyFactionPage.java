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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.evenhand.common.Commands;
import org.evenhand.common.ProblemException;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Member;
import org.evenhand.identity.Roles;
import org.evenhand.web.Form;
import org.evenhand.web.Html;
import org.evenhand.web.PageLanguage;
import org.evenhand.web.Words;

/**
 * A member's own faction declaration for the fairness audit, as a page: see it and the notice,
 * declare or change it with consent, withdraw it. The same service as PUT/DELETE /api/me/faction.
 */
@Path("/me/fairness")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.MEMBER)
public class MyFactionPage {

    /** current: the declared faction's code (and its configured label); the page words codes and dates. */
    public record FactionPage(boolean declared, String current, String currentLabel, java.time.Instant since,
            List<Choice> options, String notice, String noticeVersion, List<History> history, String done) {
    }

    /** A consent event: given, changed or withdrawn, under which notice. */
    public record History(java.time.Instant at, String event, String notice) {
    }

    public record Choice(String value, String label) {
    }

    @CheckedTemplate(basePath = "AuditPages")
    static class Templates {
        static native TemplateInstance faction(FactionPage page, Form form);
    }

    @Inject
    FactionService factions;
    @Inject
    AuditConfig config;
    @Inject
    FactionLists lists;
    @Inject
    CurrentUser user;
    @Inject
    Commands commands;
    @Inject
    PageLanguage language;


    @GET
    @Operation(hidden = true)
    public Response faction(@QueryParam("done") String done) {
        return Html.ok(Templates.faction(factionPage(user.requireMember(), done), Form.empty()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response declare(MultivaluedMap<String, String> fields) {
        Member m = user.requireMember();
        Form form = Form.of(fields);
        boolean consent = form.ticked("consent");
        FactionResource.Declaration d = new FactionResource.Declaration(form.text("faction"), consent ? true : null,
                consent ? form.value("consent") : lists.current().noticeVersion());
        try {
            commands.check(d); // as PUT /api/me/faction's body is
            factions.declare(m, d.faction(), d.noticeVersion(), d.consent());
            return Html.seeOther("/me/fairness?done=declared");
        } catch (ConstraintViolationException e) {
            form.reject(e);
        } catch (ProblemException e) {
            if (e.status() != 400) {
                throw e;
            }
            form.reject(e, "faction");
        }
        return Html.page(400, Templates.faction(factionPage(m, null), form));
    }

    @POST
    @Path("withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response withdraw(MultivaluedMap<String, String> fields) {
        factions.withdraw(user.requireMember());
        return Html.seeOther("/me/fairness?done=withdrawn");
    }

    /** The choices the declaration form offers under a version of the list, each with its label. */
    static List<Choice> choices(FactionLists.Snapshot list) {
        java.util.Map<String, String> labels = new java.util.HashMap<>();
        list.factions().forEach(f -> labels.put(f.key(), f.label()));
        return FactionService.options(list).stream().map(o -> new Choice(o, labels.getOrDefault(o, AuditViews.group(o))))
                .toList();
    }

    private FactionPage factionPage(Member m, String done) {
        FactionService.State s = factions.state(m);
        List<Choice> options = choices(lists.current());
        List<History> history = s.consents().stream().map(c -> new History(c.at(), c.event(), c.noticeVersion())).toList();
        String message = done == null ? null : Words.in(MemberAuditWords.class, language.locale()).done(done);
        return new FactionPage(s.declaration().isPresent(), s.declaration().map(d -> d.faction).orElse(null),
                s.declaration().map(d -> AuditViews.group(d.faction)).orElse(null),
                s.declaration().map(d -> d.updatedAt).orElse(null), options,
                FactionResource.NOTICE.formatted(config.suppressionThreshold()), lists.current().noticeVersion(), history,
                message);
    }
}
