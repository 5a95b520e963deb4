package org.evenhand.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.evenhand.common.PlaceRedaction;

/**
 * Every CLP and region name in the membership data (members, and handlers' CLPs), as one matcher
 * that strikes them from what a blind reader is shown (decision 0028). Any of them places a
 * member, not only the parties' own, so all are struck. Built on first use and kept for
 * {@link #FRESH_NANOS} (the seeds forget it when they load); a case's own parties' places are struck
 * besides, from the case itself, so a name added since is never missed for them.
 */
@ApplicationScoped
public class PlaceNames {

    static final long FRESH_NANOS = 10L * 60 * 1_000_000_000;

    private record Built(PlaceRedaction redaction, long at) {
    }

    @Inject
    EntityManager em;

    private volatile Built built;

    public PlaceRedaction all() {
        Built b = built;
        long now = System.nanoTime();
        if (b == null || now - b.at() > FRESH_NANOS) {
            @SuppressWarnings("unchecked")
            List<String> names = em.createNativeQuery("""
                    SELECT clp FROM members UNION SELECT region FROM members
                    UNION SELECT clp FROM handlers WHERE clp IS NOT NULL""").getResultList();
            b = new Built(new PlaceRedaction(names), now);
            built = b;
        }
        return b.redaction();
    }

    /** Read the names again on next use (members were loaded). */
    public void forget() {
        built = null;
    }
}
