package org.evenhand.definition;

import static org.evenhand.definition.DraftForms.joined;
import static org.evenhand.definition.DraftForms.lines;
import static org.evenhand.definition.DraftForms.within;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.evenhand.common.ProblemException;
import org.evenhand.web.Form;
import org.evenhand.web.Html;

/**
 * The forms that edit a draft (decision 0040), one item at a time: its title, introduction and
 * summary of changes; a clause, a factor or an entry of what is not abuse (added, changed or taken
 * out); the sanction ladder. Each form's change is made to the draft's whole content and saved by the
 * same use case as PUT /api/definition/drafts/{id}, so one set of rules refuses it.
 */
@Path("/nec/definition/drafts/{id}/edit")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(DraftResource.NEC)
public class DraftItemPages {

    /** A form for one item of the draft; {@code original} is the id of the item edited, null for a new one. */
    public record ItemPage(DefinitionDrafts.Draft draft, String original, List<DefinitionVersion.Factor> aggravating,
            List<DefinitionVersion.Factor> mitigating) {

        /** The tiers a clause may have, as radio buttons. */
        public List<Choice> tiers() {
            return java.util.stream.IntStream.rangeClosed(1, DefinitionRules.TIERS)
                    .mapToObj(t -> new Choice(Integer.toString(t), DefinitionPage.tierLabel(t))).toList();
        }
    }

    public record Choice(String value, String label) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance general(ItemPage page, Form form);

        static native TemplateInstance clause(ItemPage page, Form form);

        static native TemplateInstance factor(ItemPage page, Form form);

        static native TemplateInstance notAbuse(ItemPage page, Form form);

        static native TemplateInstance ladder(LadderForm.Page page, Form form);
    }

    @Inject
    DefinitionDrafts drafts;
    @Inject
    SecurityIdentity identity;

    // ---------------------------------------------------------------- title, introduction, summary of changes

    @GET
    @Path("general")
    @Operation(hidden = true)
    public Response general(@PathParam("id") long id) {
        DefinitionDrafts.Draft d = drafts.editable(id);
        DraftContent c = d.content();
        Form form = Form.empty().set("revision", Long.toString(d.revision())).set("title", c.title())
                .set("introduction", c.introduction()).set("summaryOfChanges", joined(c.summaryOfChanges()));
        return Html.ok(Templates.general(page(d, null), form));
    }

    @POST
    @Path("general")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response saveGeneral(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        return save(id, form, c -> new DraftContent(form.text("title"), DraftForms.text(form, "introduction"),
                lines(form, "summaryOfChanges"), c.clauses(), c.factors(), c.notAbuse(), c.sanctions(), c.tierSanctions()),
                c -> path -> List.of("title", "introduction", "summaryOfChanges").contains(path) ? path : null,
                d -> Templates.general(page(d, null), form));
    }

    // ---------------------------------------------------------------- clauses

    @GET
    @Path("clause")
    @Operation(hidden = true)
    public Response clause(@PathParam("id") long id, @QueryParam("id") String clauseId) {
        DefinitionDrafts.Draft d = drafts.editable(id);
        return Html.ok(Templates.clause(page(d, clauseId), clauseForm(Form.empty(), d, clauseId)));
    }

    @POST
    @Path("clause")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response saveClause(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        DefinitionVersion.Clause clause = new DefinitionVersion.Clause(form.text("id"), form.text("title"),
                DraftForms.text(form, "test"), DraftForms.number(form, "tier", 0), lines(form, "breachExamples"),
                lines(form, "notBreachExamples"), form.values("aggravating"), form.values("mitigating"));
        String original = form.text("original");
        return save(id, form, c -> c.withClauses(Items.put(c.clauses(), original, clause, DefinitionVersion.Clause::id)),
                c -> path -> within(path, "clauses", Items.at(c.clauses(), original, DefinitionVersion.Clause::id)),
                d -> Templates.clause(page(d, original), form));
    }

    @POST
    @Path("clause/removal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response removeClause(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        String original = form.text("original");
        return remove(id, form, c -> c.withClauses(Items.without(c.clauses(), original, DefinitionVersion.Clause::id)),
                d -> Templates.clause(page(d, original), clauseForm(form, d, original)));
    }

    // ---------------------------------------------------------------- aggravating and mitigating factors

    @GET
    @Path("factor")
    @Operation(hidden = true)
    public Response factor(@PathParam("id") long id, @QueryParam("id") String factorId) {
        DefinitionDrafts.Draft d = drafts.editable(id);
        return Html.ok(Templates.factor(page(d, factorId), factorForm(Form.empty(), d, factorId)));
    }

    @POST
    @Path("factor")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response saveFactor(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        DefinitionVersion.Factor factor = new DefinitionVersion.Factor(form.text("id"), form.text("kind"),
                form.text("title"), DraftForms.text(form, "description"));
        String original = form.text("original");
        return save(id, form, c -> c.withFactors(Items.put(c.factors(), original, factor, DefinitionVersion.Factor::id)),
                c -> path -> within(path, "factors", Items.at(c.factors(), original, DefinitionVersion.Factor::id)),
                d -> Templates.factor(page(d, original), form));
    }

    @POST
    @Path("factor/removal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response removeFactor(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        String original = form.text("original");
        return remove(id, form, c -> c.withFactors(Items.without(c.factors(), original, DefinitionVersion.Factor::id)),
                d -> Templates.factor(page(d, original), factorForm(form, d, original)));
    }

    // ---------------------------------------------------------------- what is not abuse

    @GET
    @Path("not-abuse")
    @Operation(hidden = true)
    public Response notAbuse(@PathParam("id") long id, @QueryParam("id") String entryId) {
        DefinitionDrafts.Draft d = drafts.editable(id);
        return Html.ok(Templates.notAbuse(page(d, entryId), notAbuseForm(Form.empty(), d, entryId)));
    }

    @POST
    @Path("not-abuse")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response saveNotAbuse(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        DefinitionVersion.NotAbuse entry = new DefinitionVersion.NotAbuse(form.text("id"), form.text("title"),
                DraftForms.text(form, "description"), lines(form, "examples"));
        String original = form.text("original");
        return save(id, form, c -> c.withNotAbuse(Items.put(c.notAbuse(), original, entry, DefinitionVersion.NotAbuse::id)),
                c -> path -> within(path, "notAbuse", Items.at(c.notAbuse(), original, DefinitionVersion.NotAbuse::id)),
                d -> Templates.notAbuse(page(d, original), form));
    }

    @POST
    @Path("not-abuse/removal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response removeNotAbuse(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        String original = form.text("original");
        return remove(id, form, c -> c.withNotAbuse(Items.without(c.notAbuse(), original, DefinitionVersion.NotAbuse::id)),
                d -> Templates.notAbuse(page(d, original), notAbuseForm(form, d, original)));
    }

    // ---------------------------------------------------------------- the sanction ladder

    @GET
    @Path("ladder")
    @Operation(hidden = true)
    public Response ladder(@PathParam("id") long id) {
        DefinitionDrafts.Draft d = drafts.editable(id);
        return Html.ok(Templates.ladder(LadderForm.page(d, d.content().sanctions().size()), LadderForm.fill(d)));
    }

    @POST
    @Path("ladder")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response saveLadder(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        int rows = LadderForm.rows(form);
        LadderForm.Read read = LadderForm.read(form, rows);
        return save(id, form, c -> c.withLadder(read.sanctions(), read.tierSanctions()), c -> read::fieldOf,
                d -> Templates.ladder(LadderForm.page(d, rows - 1), form));
    }

    // ---------------------------------------------------------------- saving

    /**
     * Saves the draft with the form's change; a refusal is shown on the form (re-rendered by {@code page},
     * with what was typed), each message at the field {@code fieldOf} names for its path.
     */
    private Response save(long id, Form form, UnaryOperator<DraftContent> change,
            Function<DraftContent, Function<String, String>> fieldOf,
            Function<DefinitionDrafts.Draft, TemplateInstance> page) {
        return save(id, form, change, fieldOf, page, "saved");
    }

    private Response save(long id, Form form, UnaryOperator<DraftContent> change,
            Function<DraftContent, Function<String, String>> fieldOf,
            Function<DefinitionDrafts.Draft, TemplateInstance> page, String done) {
        DefinitionDrafts.Draft d = drafts.editable(id);
        int status = 400;
        try {
            drafts.revise(id, member(), DraftForms.revision(form), change.apply(d.content()));
            return Html.seeOther(DraftPages.href(id) + "?done=" + done);
        } catch (ConstraintViolationException e) {
            DraftForms.reject(form, e, fieldOf.apply(d.content()));
        } catch (ProblemException e) {
            DraftPages.refuse(e, form, DraftForms.DRAFT);
            status = e.status();
        }
        return Html.page(status, page.apply(d));
    }

    /** Takes an item out of the draft: saved as any change is, with the item's own form shown on a refusal. */
    private Response remove(long id, Form form, UnaryOperator<DraftContent> change,
            Function<DefinitionDrafts.Draft, TemplateInstance> page) {
        return save(id, form, change, c -> path -> null, page, "removed");
    }

    // ---------------------------------------------------------------- forms filled from the draft

    /** The clause's form as saved (a new clause's when {@code clauseId} is null), keeping any refusal already on it. */
    private static Form clauseForm(Form form, DefinitionDrafts.Draft d, String clauseId) {
        form.set("revision", Long.toString(d.revision())).set("tier", "");
        if (clauseId != null) {
            DefinitionVersion.Clause c = d.content().clauses().stream().filter(x -> x.id().equals(clauseId)).findFirst()
                    .orElseThrow(() -> ProblemException.notFound("clause " + clauseId));
            form.set("original", c.id()).set("id", c.id()).set("title", c.title()).set("test", c.test())
                    .set("tier", Integer.toString(c.tier())).set("breachExamples", joined(c.breachExamples()))
                    .set("notBreachExamples", joined(c.notBreachExamples())).setAll("aggravating", c.aggravating())
                    .setAll("mitigating", c.mitigating());
        }
        return form;
    }

    private static Form factorForm(Form form, DefinitionDrafts.Draft d, String factorId) {
        form.set("revision", Long.toString(d.revision()));
        if (factorId != null) {
            DefinitionVersion.Factor f = d.content().factors().stream().filter(x -> x.id().equals(factorId)).findFirst()
                    .orElseThrow(() -> ProblemException.notFound("factor " + factorId));
            form.set("original", f.id()).set("id", f.id()).set("kind", f.kind()).set("title", f.title())
                    .set("description", f.description());
        }
        return form;
    }

    private static Form notAbuseForm(Form form, DefinitionDrafts.Draft d, String entryId) {
        form.set("revision", Long.toString(d.revision()));
        if (entryId != null) {
            DefinitionVersion.NotAbuse n = d.content().notAbuse().stream().filter(x -> x.id().equals(entryId))
                    .findFirst().orElseThrow(() -> ProblemException.notFound("entry " + entryId));
            form.set("original", n.id()).set("id", n.id()).set("title", n.title())
                    .set("description", n.description()).set("examples", joined(n.examples()));
        }
        return form;
    }

    private static ItemPage page(DefinitionDrafts.Draft d, String original) {
        List<DefinitionVersion.Factor> aggravating = new ArrayList<>();
        List<DefinitionVersion.Factor> mitigating = new ArrayList<>();
        for (DefinitionVersion.Factor f : d.content().factors()) {
            ("aggravating".equals(f.kind()) ? aggravating : mitigating).add(f);
        }
        return new ItemPage(d, original, aggravating, mitigating);
    }

    private String member() {
        return identity.getPrincipal().getName();
    }
}
