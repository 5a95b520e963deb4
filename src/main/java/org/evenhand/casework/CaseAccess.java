package org.evenhand.casework;

import jakarta.enterprise.context.ApplicationScoped;
import org.evenhand.common.ProblemException;
import org.evenhand.identity.Member;

/** Finding a case, and whether a member may see it. */
@ApplicationScoped
public class CaseAccess {

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
}
