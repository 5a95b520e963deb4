package org.evenhand.definition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.evenhand.common.Problem;
import org.evenhand.common.ProblemException;

/** Binds complaints and decisions to the version of the definition in force when the conduct happened. */
@ApplicationScoped
public class Citations {

    @Inject
    DefinitionCatalog catalog;

    /**
     * The version in force on the conduct date, after checking that every cited clause
     * exists in it; otherwise a 400 naming the field.
     */
    public DefinitionVersion versionFor(LocalDate conductDate, Collection<String> clauseIds, String field) {
        DefinitionVersion v = catalog.inForceOn(conductDate).orElseThrow(() -> ProblemException.invalidField(
                "conductDate", "conduct before " + catalog.versions().get(0).effectiveFrom()
                        + " predates the first published definition of abuse"));
        requireClauses(v, clauseIds, field);
        return v;
    }

    public void requireClauses(DefinitionVersion v, Collection<String> clauseIds, String field) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (String id : clauseIds) {
            if (v.clause(id).isEmpty()) {
                errors.add(new Problem.FieldError(field, "clause '" + id + "' does not exist in definition version "
                        + v.id() + " (in force from " + v.effectiveFrom() + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    public DefinitionVersion version(String id) {
        return catalog.byId(id).orElseThrow(() -> new IllegalStateException("unknown definition version " + id));
    }

    /**
     * The sanctions the ladder allows when these clauses are upheld: those allowed for the
     * gravest tier among them. With nothing upheld, only no-action.
     */
    public List<String> allowedSanctions(DefinitionVersion v, Collection<String> upheldClauses) {
        return SanctionLadder.of(v).allowedFor(upheldClauses);
    }
}
