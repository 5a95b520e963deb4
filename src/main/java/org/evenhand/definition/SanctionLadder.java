package org.evenhand.definition;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The sanction ladder of one version of the definition: which sanctions the clauses upheld
 * allow (those of the gravest tier among them), how a sanction off the ladder is brought back
 * onto it, and how long a suspension may run. Plain code: no engine, no database.
 */
public record SanctionLadder(DefinitionVersion version) {

    public static final String NO_ACTION = "no-action";
    public static final String SUSPENSION = "suspension";
    /** A suspension's longest term when the ladder states none. */
    public static final int DEFAULT_MAX_MONTHS = 12;

    public static SanctionLadder of(DefinitionVersion v) {
        return new SanctionLadder(v);
    }

    public String versionId() {
        return version.id();
    }

    public Optional<DefinitionVersion.Sanction> sanction(String id) {
        return version.sanction(id);
    }

    /** The gravest tier among these clauses (0 when none is known). */
    public int gravestTier(Collection<String> clauses) {
        return clauses.stream().map(version::clause).flatMap(Optional::stream)
                .mapToInt(DefinitionVersion.Clause::tier).max().orElse(0);
    }

    /** The sanctions allowed when these clauses are upheld: those of the gravest tier; with none upheld, no-action. */
    public List<String> allowedFor(Collection<String> upheldClauses) {
        int tier = gravestTier(upheldClauses);
        return tier == 0 ? List.of(NO_ACTION) : version.sanctionsForTier(tier);
    }

    public int rung(String sanction) {
        return version.sanction(sanction).orElseThrow(() -> new IllegalArgumentException(
                "'" + sanction + "' is not on the sanction ladder of definition " + version.id())).rung();
    }

    /**
     * The allowed sanction nearest in rung to this one; of two equally near, the lesser. A
     * sanction already allowed is its own nearest.
     */
    public String nearestAllowed(String sanction, List<String> allowed) {
        int rung = rung(sanction);
        return allowed.stream().min(Comparator.comparingInt((String s) -> Math.abs(rung(s) - rung))
                .thenComparingInt(this::rung)).orElseThrow(() -> new IllegalArgumentException("nothing is allowed"));
    }

    /** The longest term a sanction may run for, in months. */
    public int maxMonths(String sanction) {
        Integer max = version.sanction(sanction).map(DefinitionVersion.Sanction::maxMonths).orElse(null);
        return max == null ? DEFAULT_MAX_MONTHS : max;
    }

    /** The sanction's title in words ("Formal warning"); its id if the ladder does not know it. */
    public String title(String sanction) {
        return version.sanction(sanction).map(DefinitionVersion.Sanction::title).orElse(sanction);
    }
}
