package org.evenhand.management;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.evenhand.common.ProblemException;
import org.evenhand.identity.Handler;
import org.evenhand.identity.Member;

/**
 * Finding the member to make a handler: by part of the name or the exact membership number, with
 * whether they have a login (a handler signs in) and whether they are a handler already.
 */
@ApplicationScoped
public class Candidates {

    /**
     * A member who might be added: {@code handler} is "active" or "inactive" when they are one
     * already, null when not.
     */
    public record MemberMatch(String membershipNumber, String name, String clp, boolean hasLogin, String handler) {
    }

    /** At most 20 members, by name; 400 unless the search has 2 to 100 characters. */
    @Transactional
    public List<MemberMatch> search(String q) {
        if (q == null || q.isBlank() || q.strip().length() < 2 || q.length() > 100) {
            throw ProblemException.invalidField("q", "give 2 to 100 characters of a name or membership number");
        }
        String term = q.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_");
        List<Member> found = Member.find("lower(displayName) like ?1 or lower(membershipNumber) = ?2 order by displayName",
                "%" + term + "%", term).page(0, 20).list();
        return found.stream().map(m -> {
            Handler h = m.username == null ? null : Handler.findById(m.username);
            return new MemberMatch(m.membershipNumber, m.displayName, m.clp, m.username != null && !m.username.isBlank(),
                    h == null ? null : h.active ? "active" : "inactive");
        }).toList();
    }
}
