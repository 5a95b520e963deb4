package org.evenhand.definition;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;

/**
 * The published definition: public, read-only. A published version is never written; a new one is
 * published by the NEC through its drafts (DraftResource, decision 0040).
 */
@Path("/api/definition")
@Tag(name = "Definition of abuse")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class DefinitionResource {

    /**
     * A published version in the list: sha256 is the SHA-256 of its text (GET .../text), which freezes
     * it; source says whether it is a file of the repository or was published by the NEC in the pages.
     */
    public record VersionSummary(String id, String title, java.time.LocalDate effectiveFrom,
            java.time.LocalDate publishedAt, List<String> summaryOfChanges, boolean current, String sha256,
            String source) {
    }

    @Inject
    DefinitionCatalog catalog;
    @Inject
    TimeSource time;
    @Inject
    ObjectMapper json;

    @GET
    @Operation(summary = "The version of the definition in force today")
    public DefinitionVersion current() {
        return catalog.current(time.today());
    }

    @GET
    @Path("/versions")
    @Operation(summary = "Every published version, oldest first")
    public List<VersionSummary> versions() {
        String current = catalog.current(time.today()).id();
        return catalog.frozen().stream().map(f -> {
            DefinitionVersion v = f.version();
            return new VersionSummary(v.id(), v.title(), v.effectiveFrom(), v.publishedAt(), v.summaryOfChanges(),
                    v.id().equals(current), f.sha256(), f.seed() ? "repository" : "published");
        }).toList();
    }

    @GET
    @Path("/versions/{id}")
    @Operation(summary = "One published version")
    public DefinitionVersion version(@PathParam("id") String id) {
        return catalog.byId(id).orElseThrow(() -> ProblemException.notFound("definition version " + id));
    }

    @GET
    @Path("/versions/{id}/text")
    @Produces("application/yaml")
    @Operation(summary = "One published version exactly as frozen: the text whose SHA-256 the list gives")
    public Response text(@PathParam("id") String id) {
        DefinitionCatalog.Frozen f = catalog.frozen(id)
                .orElseThrow(() -> ProblemException.notFound("definition version " + id));
        return Response.ok(f.text(), "application/yaml; charset=UTF-8")
                .header("Content-Disposition", "inline; filename=\"" + f.version().id() + ".yaml\"").build();
    }

    @GET
    @Path("/diff")
    @Operation(summary = "What changed between two versions (clauses, factors, not-abuse band, sanctions)")
    public DefinitionDiff diff(@QueryParam("from") String from, @QueryParam("to") String to) {
        if (from == null || to == null) {
            throw ProblemException.badRequest("give both 'from' and 'to' version ids");
        }
        DefinitionVersion a = catalog.byId(from).orElseThrow(() -> ProblemException.invalidField("from",
                "no published version " + from));
        DefinitionVersion b = catalog.byId(to).orElseThrow(() -> ProblemException.invalidField("to",
                "no published version " + to));
        return DefinitionDiff.between(a, b, json);
    }
}
