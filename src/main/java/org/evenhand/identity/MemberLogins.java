package org.evenhand.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which member a login is: the member's id by username, remembered for a short while so that a
 * request finds the caller's member record by primary key (from Hibernate's second-level cache)
 * instead of querying by username. A remembered id is checked against the record it loads; an
 * unknown login is never remembered, so a member linked to a login is found at once.
 */
@ApplicationScoped
public class MemberLogins {

    static final long TTL_NANOS = 30_000_000_000L;
    static final int MAX = 50_000;

    private record Remembered(long memberId, long until) {
    }

    private final ConcurrentHashMap<String, Remembered> byUsername = new ConcurrentHashMap<>();

    public Optional<Member> member(String username) {
        if (username == null) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        Remembered r = byUsername.get(username);
        if (r != null && now - r.until() < 0) {
            Member m = Member.findById(r.memberId());
            if (m != null && username.equals(m.username)) {
                return Optional.of(m);
            }
            byUsername.remove(username);
        }
        Optional<Member> found = Member.byUsername(username);
        found.ifPresent(m -> {
            if (byUsername.size() >= MAX) {
                byUsername.clear();
            }
            byUsername.put(username, new Remembered(m.id, now + TTL_NANOS));
        });
        return found;
    }
}
