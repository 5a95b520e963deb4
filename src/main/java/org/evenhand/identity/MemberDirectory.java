package org.evenhand.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.evenhand.common.ProblemException;

/** Finding a member to complain about: by part of the name or the exact membership number. */
@ApplicationScoped
public class MemberDirectory {

    public record MemberSummary(String membershipNumber, String displayName) {
    }

    /** At most 20 members, by name; 400 unless the search has 2 to 100 characters. */
    @Transactional
    public List<MemberSummary> search(String q) {
        if (q == null || q.isBlank() || q.strip().length() < 2 || q.length() > 100) {
            throw ProblemException.invalidField("q", "give 2 to 100 characters of a name or membership number");
        }
        String term = q.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        List<Member> found = Member.find(
                "lower(displayName) like ?1 or lower(membershipNumber) = ?2 order by displayName",
                "%" + term + "%", term).page(0, 20).list();
        return found.stream().map(m -> new MemberSummary(m.membershipNumber, m.displayName)).toList();
    }
}
