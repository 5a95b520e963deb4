package org.evenhand.casework.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Who may handle a case: never a party to it (the complainant, the respondent, anyone who
 * joined it as a complainant), never someone from the first complainant's or the respondent's
 * CLP, never someone excluded for this step: the investigator does not decide, and the appeal
 * panel shares nobody with the first panel or the investigation. Draws are uniformly random
 * among those eligible.
 */
public final class Eligibility {

    private Eligibility() {
    }

    /** A handler who might be drawn: their login and their CLP (null when they have none). */
    public record Candidate(String username, String clp) {
    }

    /**
     * The people a case concerns. Joined complainants are excluded themselves, but their CLPs are
     * not: otherwise a coordinated pile-on drawn from every caseworker's CLP could leave no one to
     * handle it.
     */
    public record Parties(Set<String> people, Set<String> clps) {

        public static Parties of(String complainant, String complainantClp, String respondent, String respondentClp,
                Collection<String> joined) {
            Set<String> people = new HashSet<>(joined);
            people.add(complainant);
            people.add(respondent);
            people.remove(null);
            // both parties may be of the same CLP
            Set<String> clps = new HashSet<>();
            clps.add(complainantClp);
            clps.add(respondentClp);
            clps.remove(null);
            return new Parties(Set.copyOf(people), Set.copyOf(clps));
        }
    }

    /** The handlers, in the order given, who may handle a case with these parties, less those excluded. */
    public static List<String> eligible(Parties parties, List<Candidate> handlers, Collection<String> excluded) {
        return handlers.stream()
                .filter(h -> !parties.people().contains(h.username()))
                .filter(h -> h.clp() == null || !parties.clps().contains(h.clp()))
                .filter(h -> !excluded.contains(h.username()))
                .map(Candidate::username).toList();
    }

    /** Who may not sit on the deciding panel: the investigator. */
    public static Set<String> excludedFromPanel(String investigator) {
        return investigator == null ? Set.of() : Set.of(investigator);
    }

    /** Who may not sit on the appeal panel: the first panel and the investigator. */
    public static Set<String> excludedFromAppeal(String investigator, Collection<String> firstPanel) {
        Set<String> out = new HashSet<>(firstPanel);
        out.add(investigator);
        out.remove(null);
        return Set.copyOf(out);
    }

    /** {@code count} of the pool drawn uniformly at random, or empty if the pool is too small. */
    public static Optional<List<String>> draw(List<String> pool, int count, Random random) {
        if (pool.size() < count) {
            return Optional.empty();
        }
        List<String> shuffled = new ArrayList<>(pool);
        Collections.shuffle(shuffled, Objects.requireNonNull(random));
        return Optional.of(List.copyOf(shuffled.subList(0, count)));
    }
}
