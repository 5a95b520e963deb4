package org.evenhand.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which member a login is: the member's id by username, remembered for a short while so that a
 * request finds the caller's member record by primary key (from Hibernate's second-level cache)
 * instead of querying by username. A remembered id is checked against the record it loads; an
 * unknown login is never remembered, so a member linked to a login is found at once. The same for
 * membership numbers, which every filing looks up (the member complained about).
 */
@ApplicationScoped
public class MemberLogins {

    static final long TTL_NANOS = 30_000_000_000L;
    static final int MAX = 50_000;

    private record Remembered(long memberId, long until) {
    }

    private final ConcurrentHashMap<String, Remembered> byUsername = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Remembered> byNumber = new ConcurrentHashMap<>();

    public Optional<Member> member(String username) {
        return remembered(byUsername, username, m -> m.username, Member::byUsername);
    }

    /** The member with this membership number (as {@link Member#byMembershipNumber}, exactly). */
    public Optional<Member> byMembershipNumber(String number) {
        return remembered(byNumber, number, m -> m.membershipNumber, Member::byMembershipNumber);
    }

    private static Optional<Member> remembered(ConcurrentHashMap<String, Remembered> ids, String key,
            java.util.function.Function<Member, String> keyOf, java.util.function.Function<String, Optional<Member>> query) {
        if (key == null) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        Remembered r = ids.get(key);
        if (r != null && now - r.until() < 0) {
            Member m = Member.findById(r.memberId());
            if (m != null && key.equals(keyOf.apply(m))) {
                return Optional.of(m);
            }
            ids.remove(key);
        }
        Optional<Member> found = query.apply(key);
        found.ifPresent(m -> {
            if (ids.size() >= MAX) {
                ids.clear();
            }
            ids.put(key, new Remembered(m.id, now + TTL_NANOS));
        });
        return found;
    }
}
