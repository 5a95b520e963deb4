package org.evenhand.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.evenhand.casework.rules.Eligibility;
import org.evenhand.casework.rules.Standing;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.identity.Handler;
import org.evenhand.identity.Member;

/**
 * Who may handle a case, by the rules in {@link Eligibility}: the case's parties (joined
 * complainants too), the handlers in the pools of the role with their standing (decision 0038), their declared interests, the handlers named in the complaints
 * as involved and those who recused are read here, the rule applied there. Draws are uniformly
 * random among those eligible.
 */
@ApplicationScoped
public class Assignment {

    private final SecureRandom random = new SecureRandom();

    @Inject
    EntityManager em;
    @Inject
    TimeSource time;

    /** Handlers of this role who may handle the case, less those excluded for this step. */
    public List<String> eligible(CaseFile c, String role, Collection<String> excluded) {
        return pool(c, role, excluded).handlers();
    }

    /** The pool, and whether the joined complainants' CLPs had to be let in for anyone to remain. */
    public Eligibility.Pool pool(CaseFile c, String role, Collection<String> excluded) {
        List<Handler> handlers = Handler.inPoolsOf(role);
        if (handlers.isEmpty()) {
            return new Eligibility.Pool(List.of(), false);
        }
        List<String> names = handlers.stream().map(h -> h.username).toList();
        List<Eligibility.Interest> interests = DeclaredInterest.forRule(names);
        Set<String> involved = new HashSet<>();
        Set<String> recused = new HashSet<>();
        @SuppressWarnings("unchecked")
        List<Object[]> marks = em.createNativeQuery("SELECT 'i', username FROM case_involved_handlers WHERE case_id = ?1"
                + " UNION ALL SELECT 'r', username FROM case_recusals WHERE case_id = ?1")
                .setFlushMode(FlushModeType.COMMIT).setParameter(1, c.id).getResultList();
        marks.forEach(m -> ("i".equals(m[0]) ? involved : recused).add((String) m[1]));
        Eligibility.CaseFacts facts = new Eligibility.CaseFacts(Eligibility.Parties.of(person(c.complainant),
                person(c.respondent), joined(c, names, interests)), c.conductDate, time.today(), involved, recused);
        return Eligibility.pool(facts, handlers.stream().map(h -> new Eligibility.Candidate(h.username, h.clp,
                standing(h))).toList(), interests, excluded);
    }

    /**
     * The joined complainants as the rule needs them: by login and number only those who are
     * handlers or named in a declared interest, and the CLPs and regions of all of them (distinct,
     * so a pile-on of a thousand is a handful of rows).
     */
    private List<Eligibility.Person> joined(CaseFile c, List<String> handlers, List<Eligibility.Interest> interests) {
        String[] numbers = interests.stream().filter(i -> i.kind() == Eligibility.InterestKind.member)
                .map(i -> i.value().strip().toUpperCase(java.util.Locale.ROOT)).distinct().toArray(String[]::new);
        List<Eligibility.Person> out = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> people = em.createNativeQuery("SELECT m.username, m.membership_number, m.clp, m.region"
                + " FROM case_complainants j JOIN members m ON m.id = j.member_id WHERE j.case_id = ?1"
                + " AND (m.username = ANY(?2) OR upper(m.membership_number) = ANY(?3))")
                .setFlushMode(FlushModeType.COMMIT).setParameter(1, c.id).setParameter(2, handlers.toArray(String[]::new))
                .setParameter(3, numbers).getResultList();
        people.forEach(r -> out.add(new Eligibility.Person((String) r[0], (String) r[1], (String) r[2], (String) r[3])));
        @SuppressWarnings("unchecked")
        List<Object[]> places = em.createNativeQuery("SELECT DISTINCT m.clp, m.region FROM case_complainants j"
                + " JOIN members m ON m.id = j.member_id WHERE j.case_id = ?1")
                .setFlushMode(FlushModeType.COMMIT).setParameter(1, c.id).getResultList();
        places.forEach(r -> out.add(new Eligibility.Person(null, null, (String) r[0], (String) r[1])));
        return out;
    }

    /** The handler's standing as the rule reads it (decision 0038). */
    public static Standing standing(Handler h) {
        return new Standing(h.active, h.trainedOn, h.trainingExpires);
    }

    /**
     * For every handler, the roles they may be drawn for today: the roles of their pools if they
     * are in standing, none otherwise (a login that is no handler is absent).
     */
    public java.util.Map<String, Set<String>> drawableRoles() {
        java.util.Map<String, Set<String>> out = new java.util.HashMap<>();
        for (String role : Handler.ROLES) {
            for (Handler h : Handler.inPoolsOf(role)) {
                Set<String> roles = out.computeIfAbsent(h.username, u -> new HashSet<>());
                if (standing(h).mayBeDrawn(time.today())) {
                    roles.add(role);
                }
            }
        }
        return out;
    }

    /** This login's standing today (a login that is no handler is inactive). */
    public Standing.Status standingOf(String username) {
        Handler h = Handler.findById(username);
        return h == null ? Standing.Status.INACTIVE : standing(h).on(time.today());
    }

    /** Whether this login may be drawn for this role today: in a pool of it, and in standing. */
    public boolean mayBeDrawn(String username, String role) {
        Handler h = Handler.findById(username);
        return h != null && h.roles().contains(role) && standing(h).mayBeDrawn(time.today());
    }

    private static Eligibility.Person person(Member m) {
        return m == null ? null : new Eligibility.Person(m.username, m.membershipNumber, m.clp, m.region);
    }

    public boolean isEligible(CaseFile c, String role, String username) {
        return eligible(c, role, List.of()).contains(username);
    }

    public List<String> draw(CaseFile c, String role, Collection<String> excluded, int count, String purpose) {
        List<String> pool = eligible(c, role, excluded);
        return Eligibility.draw(pool, count, random).orElseThrow(() -> ProblemException.conflict("cannot draw "
                + purpose + " for " + c.ref + ": " + count + " needed, only " + pool.size()
                + " eligible (parties, their CLPs, declared interests, those named as involved, recusals and earlier"
                + " handlers are excluded)"));
    }

}
