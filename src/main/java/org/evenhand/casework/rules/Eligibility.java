package org.evenhand.casework.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Who may handle a case: never a party to it (the complainant, the respondent, anyone who
 * joined it as a complainant), never someone from a party's CLP (the joined complainants' too),
 * never someone out of standing (inactive, untrained, or their training lapsed: {@link Standing}),
 * never someone with a declared interest that conflicts (a connection to a party, an office in a
 * party's CLP or region body) at any time from the conduct to today, never someone named in the
 * complaint as involved, never someone who recused from the case, never someone excluded for this
 * step: the investigator does not decide, and the appeal panel shares nobody with the first panel
 * or the investigation. Draws are uniformly random among those eligible.
 *
 * <p>One relaxation, and only one: when excluding the joined complainants' CLPs would leave nobody
 * (a pile-on from every handler's CLP), those CLPs alone are not excluded and the pool says so
 * ({@link Pool#relaxed()}), for the caller to record. Everything else holds whatever the pile-on.
 */
public final class Eligibility {

    private Eligibility() {
    }

    /**
     * A handler who might be drawn: their login, their CLP (null when they have none) and their
     * standing (active, trained, training in date: {@link Standing}).
     */
    public record Candidate(String username, String clp, Standing standing) {

        public Candidate {
            standing = standing == null ? new Standing(false, null, null) : standing;
        }

        /** A handler in good standing, for rules that are not about standing. */
        public Candidate(String username, String clp) {
            this(username, clp, Standing.GOOD);
        }
    }

    /** A party to the case: login (null if none), membership number, CLP, region (any may be null). */
    public record Person(String username, String membershipNumber, String clp, String region) {
    }

    /** What a declared interest is in: a member (by membership number), a CLP, or another body (by name). */
    public enum InterestKind {
        member, clp, body;

        public static Optional<InterestKind> of(String code) {
            for (InterestKind k : values()) {
                if (k.name().equals(code)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    /** A handler's declared interest, held from {@code from} to {@code to} (null: still held). */
    public record Interest(String handler, InterestKind kind, String value, LocalDate from, LocalDate to) {

        /** Held at any time in [start, end] (both inclusive). */
        public boolean heldDuring(LocalDate start, LocalDate end) {
            return (from == null || !from.isAfter(end)) && (to == null || !to.isBefore(start));
        }
    }

    /**
     * The people a case concerns. {@code people} are logins of every party; {@code clps} the first
     * complainant's and the respondent's CLPs; {@code joinedClps} the joined complainants' CLPs;
     * {@code numbers} every party's membership number; {@code bodies} every party's CLP and region,
     * the bodies a declared office conflicts with.
     */
    public record Parties(Set<String> people, Set<String> clps, Set<String> joinedClps, Set<String> numbers,
            Set<String> bodies) {

        public static Parties of(Person complainant, Person respondent, Collection<Person> joined) {
            Set<String> people = new HashSet<>();
            Set<String> clps = new HashSet<>();
            Set<String> joinedClps = new HashSet<>();
            Set<String> numbers = new HashSet<>();
            Set<String> bodies = new HashSet<>();
            List<Person> all = new ArrayList<>(joined);
            all.add(complainant);
            all.add(respondent);
            for (Person p : all) {
                if (p == null) {
                    continue;
                }
                add(people, p.username(), false);
                add(numbers, p.membershipNumber(), true);
                add(bodies, p.clp(), true);
                add(bodies, p.region(), true);
                add(p == complainant || p == respondent ? clps : joinedClps, p.clp(), false);
            }
            joinedClps.removeAll(clps); // both parties may be of the same CLP as a joined complainant
            return new Parties(Set.copyOf(people), Set.copyOf(clps), Set.copyOf(joinedClps), Set.copyOf(numbers),
                    Set.copyOf(bodies));
        }

        /** Parties known only by login and CLP, joined complainants by login. */
        public static Parties of(String complainant, String complainantClp, String respondent, String respondentClp,
                Collection<String> joined) {
            return of(new Person(complainant, null, complainantClp, null), new Person(respondent, null, respondentClp,
                    null), joined.stream().map(j -> new Person(j, null, null, null)).toList());
        }

        private static void add(Set<String> to, String value, boolean fold) {
            if (value != null && !value.isBlank()) {
                to.add(fold ? norm(value) : value);
            }
        }
    }

    /**
     * A case as the rule needs it: its parties, the conduct date and today (a declared interest held
     * at any time between them conflicts), handlers named in the complaint as involved, handlers who
     * recused from it.
     */
    public record CaseFacts(Parties parties, LocalDate conductDate, LocalDate today, Set<String> involved,
            Set<String> recused) {

        public CaseFacts {
            involved = involved == null ? Set.of() : Set.copyOf(involved);
            recused = recused == null ? Set.of() : Set.copyOf(recused);
        }
    }

    /** The handlers eligible, in the order given; {@code relaxed} when the joined complainants' CLPs had to be let in. */
    public record Pool(List<String> handlers, boolean relaxed) {
    }

    /** The eligible pool for a case, by every rule above, less those excluded for this step. */
    public static Pool pool(CaseFacts facts, List<Candidate> handlers, Collection<Interest> interests,
            Collection<String> excluded) {
        List<Candidate> firm = handlers.stream().filter(h -> mayHandle(facts, h, interests, excluded)).toList();
        List<String> strict = firm.stream().filter(h -> h.clp() == null || !facts.parties().joinedClps().contains(h.clp()))
                .map(Candidate::username).toList();
        if (!strict.isEmpty() || firm.isEmpty()) {
            return new Pool(strict, false);
        }
        return new Pool(firm.stream().map(Candidate::username).toList(), true);
    }

    /** Every rule but the joined complainants' CLPs (the one that may be relaxed). */
    static boolean mayHandle(CaseFacts facts, Candidate h, Collection<Interest> interests, Collection<String> excluded) {
        Parties p = facts.parties();
        return h.standing().mayBeDrawn(facts.today())
                && !p.people().contains(h.username())
                && (h.clp() == null || !p.clps().contains(h.clp()))
                && !facts.involved().contains(h.username())
                && !facts.recused().contains(h.username())
                && !excluded.contains(h.username())
                && interests.stream().noneMatch(i -> h.username().equals(i.handler()) && conflicts(facts, i));
    }

    /** A declared interest conflicts with the case when held since the conduct and it concerns a party. */
    public static boolean conflicts(CaseFacts facts, Interest i) {
        LocalDate start = facts.conductDate() == null ? facts.today() : facts.conductDate();
        if (i.value() == null || !i.heldDuring(start, facts.today())) {
            return false;
        }
        String v = norm(i.value());
        Parties p = facts.parties();
        return switch (i.kind()) {
            case member -> p.numbers().contains(v);
            case clp, body -> p.bodies().contains(v);
        };
    }

    /** The handlers, in the order given, who may handle a case with these parties, less those excluded. */
    public static List<String> eligible(Parties parties, List<Candidate> handlers, Collection<String> excluded) {
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        return pool(new CaseFacts(parties, today, today, Set.of(), Set.of()), handlers, List.of(), excluded).handlers();
    }

    /** Who may not sit on the deciding panel: the investigator. */
    public static Set<String> excludedFromPanel(String investigator) {
        return investigator == null ? Set.of() : Set.of(investigator);
    }

    /** Who may not sit on the appeal panel: the first panel and the investigator. */
    public static Set<String> excludedFromAppeal(String investigator, Collection<String> firstPanel) {
        Set<String> out = new HashSet<>(firstPanel);
        out.add(investigator);
        out.remove(null);
        return Set.copyOf(out);
    }

    /** {@code count} of the pool drawn uniformly at random, or empty if the pool is too small. */
    public static Optional<List<String>> draw(List<String> pool, int count, Random random) {
        if (pool.size() < count) {
            return Optional.empty();
        }
        List<String> shuffled = new ArrayList<>(pool);
        Collections.shuffle(shuffled, Objects.requireNonNull(random));
        return Optional.of(List.copyOf(shuffled.subList(0, count)));
    }

    /** How names, numbers and bodies are compared: trimmed, spacing collapsed, case folded. */
    public static String norm(String s) {
        return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
