package org.evenhand.casework;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.List;
import org.evenhand.casework.rules.Eligibility;
import org.evenhand.common.ProblemException;
import org.evenhand.identity.Handler;

/**
 * Who may handle a case, by the rules in {@link Eligibility}: the case's parties and handlers
 * are read here, the rule applied there. Draws are uniformly random among those eligible.
 */
@ApplicationScoped
public class Assignment {

    private final SecureRandom random = new SecureRandom();

    /** Handlers of this role who may handle the case, less those excluded for this step. */
    public List<String> eligible(CaseFile c, String role, Collection<String> excluded) {
        List<Handler> handlers = Handler.activeWithRole(role);
        List<String> joined = List.of();
        if (!handlers.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<String> found = Handler.getEntityManager().createNativeQuery("SELECT m.username FROM case_complainants j"
                    + " JOIN members m ON m.id = j.member_id WHERE j.case_id = ?1 AND m.username = ANY(?2)")
                    .setFlushMode(jakarta.persistence.FlushModeType.COMMIT).setParameter(1, c.id)
                    .setParameter(2, handlers.stream().map(h -> h.username).toArray(String[]::new)).getResultList();
            joined = found;
        }
        Eligibility.Parties parties = Eligibility.Parties.of(
                c.complainant == null ? null : c.complainant.username, c.complainant == null ? null : c.complainant.clp,
                c.respondent == null ? null : c.respondent.username, c.respondent == null ? null : c.respondent.clp,
                joined);
        return Eligibility.eligible(parties, handlers.stream().map(h -> new Eligibility.Candidate(h.username, h.clp))
                .toList(), excluded);
    }

    public boolean isEligible(CaseFile c, String role, String username) {
        return eligible(c, role, List.of()).contains(username);
    }

    public List<String> draw(CaseFile c, String role, Collection<String> excluded, int count, String purpose) {
        List<String> pool = eligible(c, role, excluded);
        return Eligibility.draw(pool, count, random).orElseThrow(() -> ProblemException.conflict("cannot draw "
                + purpose + " for " + c.ref + ": " + count + " needed, only " + pool.size()
                + " eligible (parties, their CLPs and earlier handlers are excluded)"));
    }
}
