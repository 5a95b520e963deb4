package org.evenhand.definition;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evenhand.common.Problem;
import org.evenhand.common.ProblemException;
import org.evenhand.web.Form;

/**
 * The NEC's drafts of a new version of the definition, and their publication (decision 0040). The
 * same use cases as the pages under /nec/definition.
 */
@Path("/api/definition/drafts")
@Tag(name = "Definition drafts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(DraftResource.NEC)
public class DraftResource {

    /** The realm role of the party's National Executive Committee. */
    static final String NEC = "nec";

    /** A draft in the list: where it stands, without its content. */
    public record Summary(long id, String basedOn, String state, long revision, String updatedBy, Instant updatedAt,
            LocalDate effectiveFrom, String proposedBy, String publishedVersion) {
    }

    /** What a draft changes in the version it started from: item by item, text word by word. */
    public record Changes(String from, long draft, boolean noChanges, List<DiffView.DiffSection> sections,
            DiffView.TierChange tiers) {
    }

    @Inject
    DefinitionDrafts drafts;
    @Inject
    SecurityIdentity identity;
    @Inject
    DefinitionWords words;

    @GET
    @Operation(summary = "Every draft, newest first: open ones, and those published or discarded")
    public List<Summary> all() {
        return drafts.all().stream().map(d -> new Summary(d.id(), d.basedOn(), d.state(), d.revision(), d.updatedBy(),
                d.updatedAt(), d.effectiveFrom(), d.proposedBy(), d.publishedVersion())).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a draft: a copy of the latest published version, named in 'from'")
    public Response start(DefinitionDrafts.Start body) {
        DefinitionDrafts.Draft d = withPaths(() -> drafts.start(member(), body));
        return Response.created(URI.create("/api/definition/drafts/" + d.id())).entity(d).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A draft with its content and revision (the number of saves)")
    public DefinitionDrafts.Draft one(@PathParam("id") long id) {
        return drafts.find(id).orElseThrow(() -> ProblemException.notFound("draft " + id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save the draft's content whole",
            description = "If-Match, optional, names the revision edited: a draft saved since is not overwritten (409).")
    public DefinitionDrafts.Draft save(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            DraftContent body) {
        return withPaths(() -> drafts.revise(id, member(), revision(ifMatch), body));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace some of the draft's fields (those given); the rest are kept",
            description = "If-Match, optional, names the revision edited: a draft saved since is not overwritten (409).")
    public DefinitionDrafts.Draft amend(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            DraftContent body) {
        return withPaths(() -> drafts.amend(id, member(), revision(ifMatch), body));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Discard a draft that is not published; it is kept, marked discarded")
    public DefinitionDrafts.Draft discard(@PathParam("id") long id) {
        return drafts.discard(id, member());
    }

    @GET
    @Path("/{id}/diff")
    @Operation(summary = "What the draft changes in the version it started from, text word by word")
    public Changes diff(@PathParam("id") long id) {
        DiffView.DiffPage p = drafts.changes(id, "/nec/definition/drafts/" + id);
        return new Changes(p.from().id(), id, p.noChanges(), p.sections(), p.tierChange());
    }

    @POST
    @Path("/{id}/proposal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask for approval, with the date the version is to take effect (tomorrow at the earliest)",
            description = "The draft cannot be edited while it waits; another NEC member approves it.")
    public DefinitionDrafts.Draft propose(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            DefinitionDrafts.Proposal body) {
        return withPaths(() -> drafts.propose(id, member(), revision(ifMatch), body));
    }

    @DELETE
    @Path("/{id}/proposal")
    @Operation(summary = "Withdraw the request for approval, to edit the draft again")
    public DefinitionDrafts.Draft withdraw(@PathParam("id") long id) {
        return drafts.withdraw(id, member());
    }

    @POST
    @Path("/{id}/publication")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve the draft and publish it as a new version, frozen by its SHA-256",
            description = "By an NEC member other than the one who asked for approval, for the date asked for.")
    public Response publish(@PathParam("id") long id, DefinitionDrafts.Approval body) {
        DefinitionDrafts.Published p = withPaths(() -> drafts.approve(id, member(), body));
        return Response.created(URI.create("/api/definition/versions/" + p.id())).entity(p).build();
    }

    /**
     * A refused draft names each field by its whole path ("clauses[2].tier"), not its last node as
     * other refusals do: a draft has many clauses, each with a tier.
     */
    private static <T> T withPaths(Supplier<T> call) {
        try {
            return call.get();
        } catch (ConstraintViolationException e) {
            throw ProblemException.invalid(e.getConstraintViolations().stream()
                    .map(v -> new Problem.FieldError(Form.fieldOf(v.getPropertyPath().toString()), v.getMessage()))
                    .sorted(Comparator.comparing(Problem.FieldError::field)).toList());
        }
    }

    private String member() {
        return identity.getPrincipal().getName();
    }

    /** The revision an If-Match header names ("3", "\"3\"" or W/"3"), or null when there is none. */
    private Long revision(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String v = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(words.ifMatch());
        }
    }
}
