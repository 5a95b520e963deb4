package org.evenhand.casework.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.evenhand.casework.rules.Eligibility.Candidate;
import org.evenhand.casework.rules.Eligibility.CaseFacts;
import org.evenhand.casework.rules.Eligibility.Interest;
import org.evenhand.casework.rules.Eligibility.InterestKind;
import org.evenhand.casework.rules.Eligibility.Parties;
import org.evenhand.casework.rules.Eligibility.Person;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A property test: for thousands of random cases and handler pools (seeded, so repeatable), whoever
 * is drawn breaks none of the rules, checked one by one against the raw facts, and nobody who
 * breaks none is left out of the pool.
 */
@Tag("fast")
class EligibilityPropertyTest {

    static final String[] CLPS = { "North", "South", "East", "West", "Central", "Hove", "Bath" };
    static final String[] REGIONS = { "Wales", "Scotland", "London" };
    static final LocalDate BASE = LocalDate.of(2026, 1, 1);

    record World(Person complainant, Person respondent, List<Person> joined, List<Candidate> handlers,
            List<Interest> interests, CaseFacts facts, Set<String> excluded) {
    }

    static String pick(Random r, String[] from) {
        return r.nextInt(8) == 0 ? null : from[r.nextInt(from.length)];
    }

    static Person person(Random r, int n) {
        // a party is sometimes a handler too (h0..h11 are handlers' logins)
        String login = r.nextInt(6) == 0 ? "h" + r.nextInt(12) : "m" + n;
        return new Person(login, "M" + n, pick(r, CLPS), pick(r, REGIONS));
    }

    static World world(Random r) {
        Person complainant = person(r, 1);
        Person respondent = person(r, 2);
        List<Person> joined = new ArrayList<>();
        for (int j = 0, n = r.nextInt(4); j < n; j++) {
            joined.add(person(r, 10 + j));
        }
        List<Candidate> handlers = new ArrayList<>();
        List<Interest> interests = new ArrayList<>();
        for (int h = 0, n = 1 + r.nextInt(12); h < n; h++) {
            handlers.add(new Candidate("h" + h, pick(r, CLPS)));
            for (int i = 0, k = r.nextInt(3); i < k; i++) {
                InterestKind kind = InterestKind.values()[r.nextInt(3)];
                String value = switch (kind) {
                    case member -> "M" + (r.nextBoolean() ? 1 + r.nextInt(2) : 10 + r.nextInt(5));
                    case clp -> CLPS[r.nextInt(CLPS.length)];
                    case body -> REGIONS[r.nextInt(REGIONS.length)];
                };
                LocalDate from = BASE.plusDays(r.nextInt(200));
                interests.add(new Interest("h" + h, kind, value, from, r.nextBoolean() ? null : from.plusDays(r.nextInt(100))));
            }
        }
        Set<String> involved = new HashSet<>();
        Set<String> recused = new HashSet<>();
        Set<String> excluded = new HashSet<>();
        for (Candidate h : handlers) {
            int roll = r.nextInt(12);
            (roll == 0 ? involved : roll == 1 ? recused : roll == 2 ? excluded : new HashSet<String>()).add(h.username());
        }
        LocalDate conduct = BASE.plusDays(r.nextInt(200));
        CaseFacts facts = new CaseFacts(Parties.of(complainant, respondent, joined), conduct,
                conduct.plusDays(r.nextInt(120)), involved, recused);
        return new World(complainant, respondent, joined, handlers, interests, facts, excluded);
    }

    /** The rules, restated from the raw facts (not from the rule's own sets), one by one; joined CLPs when strict. */
    static boolean allowed(World w, Candidate h, boolean joinedClpsCount) {
        List<Person> all = new ArrayList<>(w.joined());
        all.add(w.complainant());
        all.add(w.respondent());
        if (all.stream().anyMatch(p -> h.username().equals(p.username()))) {
            return false;
        }
        if (h.clp() != null && (h.clp().equals(w.complainant().clp()) || h.clp().equals(w.respondent().clp()))) {
            return false;
        }
        if (joinedClpsCount && h.clp() != null && w.joined().stream().anyMatch(p -> h.clp().equals(p.clp()))) {
            return false;
        }
        if (w.facts().involved().contains(h.username()) || w.facts().recused().contains(h.username())
                || w.excluded().contains(h.username())) {
            return false;
        }
        LocalDate start = w.facts().conductDate();
        LocalDate end = w.facts().today();
        for (Interest i : w.interests()) {
            boolean held = !i.from().isAfter(end) && (i.to() == null || !i.to().isBefore(start));
            if (!i.handler().equals(h.username()) || !held) {
                continue;
            }
            for (Person p : all) {
                boolean hit = switch (i.kind()) {
                    case member -> i.value().equals(p.membershipNumber());
                    case clp, body -> i.value().equals(p.clp()) || i.value().equals(p.region());
                };
                if (hit) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void theDrawNeverReturnsAnIneligibleHandler() {
        Random r = new Random(14L);
        int relaxed = 0;
        int empty = 0;
        for (int n = 0; n < 5_000; n++) {
            World w = world(r);
            Eligibility.Pool pool = Eligibility.pool(w.facts(), w.handlers(), w.interests(), w.excluded());
            boolean anyStrict = w.handlers().stream().anyMatch(h -> allowed(w, h, true));
            assertEquals(!anyStrict && !pool.handlers().isEmpty(), pool.relaxed(), "relaxed only when nobody is strictly eligible");
            for (Candidate h : w.handlers()) {
                assertEquals(allowed(w, h, !pool.relaxed()), pool.handlers().contains(h.username()),
                        h + " in " + w.facts());
            }
            relaxed += pool.relaxed() ? 1 : 0;
            empty += pool.handlers().isEmpty() ? 1 : 0;
            for (int count = 1; count <= 3; count++) {
                Optional<List<String>> drawn = Eligibility.draw(pool.handlers(), count, r);
                assertEquals(pool.handlers().size() >= count, drawn.isPresent());
                drawn.ifPresent(d -> d.forEach(u -> {
                    Candidate h = w.handlers().stream().filter(c -> c.username().equals(u)).findFirst().orElseThrow();
                    assertTrue(allowed(w, h, !pool.relaxed()), u + " drawn but not eligible");
                }));
            }
        }
        assertTrue(relaxed > 0, "the generator reached the relaxation");
        assertTrue(empty > 0 && empty < 4_000, "the generator reached empty and non-empty pools: " + empty);
        assertFalse(relaxed > 2_500);
    }
}
