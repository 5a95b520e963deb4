package org.evenhand.casework;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.evenhand.common.ProblemException;
import org.evenhand.identity.Handler;

/**
 * Who may handle a case. Never a party to it, never someone from either party's CLP, never
 * someone excluded for this step (the investigator from the panel, the first panel from the
 * appeal). Draws are uniformly random among those eligible.
 */
@ApplicationScoped
public class Assignment {

    private final SecureRandom random = new SecureRandom();

    public List<String> eligible(CaseFile c, String role, Collection<String> excluded) {
        Set<String> parties = Stream.of(c.complainant.username, c.respondent.username).filter(Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet());
        // both parties may be of the same CLP (Set.of would throw on the duplicate)
        Set<String> partyClps = Stream.of(c.complainant.clp, c.respondent.clp).filter(Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet());
        return Handler.activeWithRole(role).stream()
                .filter(h -> !parties.contains(h.username))
                .filter(h -> h.clp == null || !partyClps.contains(h.clp))
                .filter(h -> !excluded.contains(h.username))
                .map(h -> h.username).toList();
    }

    public boolean isEligible(CaseFile c, String role, String username) {
        return eligible(c, role, List.of()).contains(username);
    }

    public List<String> draw(CaseFile c, String role, Collection<String> excluded, int count, String purpose) {
        List<String> pool = new ArrayList<>(eligible(c, role, excluded));
        if (pool.size() < count) {
            throw ProblemException.conflict("cannot draw " + purpose + " for " + c.ref + ": " + count
                    + " needed, only " + pool.size() + " eligible (parties, their CLPs and earlier handlers are excluded)");
        }
        Collections.shuffle(pool, random);
        return List.copyOf(pool.subList(0, count));
    }
}
