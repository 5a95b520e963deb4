package org.evenhand.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.evenhand.common.ProblemException;
import org.evenhand.identity.Member;

/** Finding a case, and whether a member may see it. */
@ApplicationScoped
public class CaseAccess {

    @Inject
    EntityManager em;

    public CaseFile load(String ref) {
        return CaseFile.byRef(ref).orElseThrow(() -> ProblemException.notFound("case " + ref));
    }

    /**
     * The case if this member may see it: the complainant always, the respondent once triage has
     * put the allegation to them. Otherwise 404, so that others' cases stay invisible.
     */
    public CaseFile visibleTo(Member member, String ref) {
        CaseFile c = CaseFile.withParties(ref).orElse(null);
        if (c == null || !c.isVisibleTo(member)) {
            throw ProblemException.notFound("case " + ref);
        }
        return c;
    }

    /**
     * Waits for any other party's or handler's action on this case to finish, and keeps the next waiting
     * until the caller's transaction ends: the same action sent twice at once is then done once, and the
     * second finds it done (decision 0037). A transaction-scoped advisory lock, so no reader waits.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void serialise(String ref) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended('evenhand.case-action:' || ?1, 0))")
                .setParameter(1, ref).getSingleResult();
    }
}
