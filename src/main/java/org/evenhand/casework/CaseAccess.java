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

    /** A case as one member sees it: their party, and their own complaint if they joined it (pile-on merging). */
    public record Seen(CaseFile c, Party party, JoinedComplainant joined) {
    }

    /**
     * The case if this member may see it, as {@link #visibleTo} decides, with their party and their
     * own complaint if they joined the case, in one query (two for a complainant who joined it).
     */
    public Seen seenBy(Member member, String ref) {
        CaseFile c = CaseFile.withParties(ref).orElse(null);
        if (c != null) {
            boolean respondent = c.respondent != null && member.id.equals(c.respondent.id);
            JoinedComplainant joined = c.isLeadComplainant(member) || respondent ? null
                    : JoinedComplainant.of(c.id, member.id).orElse(null);
            Party party = c.isLeadComplainant(member) || joined != null ? Party.COMPLAINANT
                    : respondent ? Party.RESPONDENT : null;
            if (party == Party.COMPLAINANT || (party == Party.RESPONDENT && c.respondentNotifiedAt != null)) {
                return new Seen(c, party, joined);
            }
        }
        throw ProblemException.notFound("case " + ref);
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
