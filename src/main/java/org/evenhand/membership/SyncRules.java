package org.evenhand.membership;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a membership batch changes, as plain code (decision 0039): each record is matched to the
 * member held under the same membership number; a record nobody holds creates a member, one that
 * differs in name, email, CLP, region or status updates them (to "lapsed": they lapse; back to
 * "active": they are reactivated), one that says what is held already changes nothing. Applying the
 * same batch twice therefore changes nothing the second time. In {@link Mode#FULL} the batch is the
 * whole membership, and an active member it leaves out lapses too; in {@link Mode#UPSERT} members it
 * leaves out are left alone. Nobody is ever deleted.
 */
public final class SyncRules {

    /** Whether the batch is the whole membership. */
    public enum Mode {
        /** Only the members in the batch are touched; one lapses when the batch says "lapsed". */
        UPSERT,
        /** The batch is the whole membership: an active member missing from it lapses as well. */
        FULL;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The mode named by {@code word} ("upsert", "full"), or null for anything else. */
        public static Mode of(String word) {
            for (Mode m : values()) {
                if (m.word().equals(word)) {
                    return m;
                }
            }
            return null;
        }
    }

    /** What a sync does to one member. */
    public enum Kind {
        CREATED, UPDATED, LAPSED, REACTIVATED, UNCHANGED;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final String ACTIVE = "active";
    public static final String LAPSED = "lapsed";

    /** The fields a sync keeps, in the order a change names them. */
    public static final List<String> FIELDS = List.of("displayName", "email", "clp", "region", "status");

    /** A member as held, or as the membership system states them (already normalised). */
    public record MemberState(String membershipNumber, String displayName, String email, String clp, String region,
            String status) {

        boolean active() {
            return ACTIVE.equals(status);
        }
    }

    /**
     * One member's change: the fields that differ (for a created member, none: all are new);
     * {@code absent} for a member lapsed because a full batch left them out.
     */
    public record Change(String membershipNumber, Kind kind, List<String> fields, boolean absent) {
    }

    /** Every record's change, in the batch's order, then the members a full batch lapses for their absence. */
    public record Plan(Mode mode, List<Change> changes, int activeBefore) {

        public int count(Kind kind) {
            return (int) changes.stream().filter(c -> c.kind() == kind).count();
        }

        /** Members lapsed because a full batch left them out. */
        public int absentLapses() {
            return (int) changes.stream().filter(Change::absent).count();
        }

        /** The changes that change something. */
        public List<Change> changed() {
            return changes.stream().filter(c -> c.kind() != Kind.UNCHANGED).toList();
        }
    }

    private SyncRules() {
    }

    /**
     * The plan for applying {@code batch} (one record per membership number, already checked) to the
     * members {@code held}.
     */
    public static Plan plan(Collection<MemberState> held, List<MemberState> batch, Mode mode) {
        Map<String, MemberState> byNumber = new HashMap<>();
        int active = 0;
        for (MemberState h : held) {
            byNumber.put(h.membershipNumber(), h);
            active += h.active() ? 1 : 0;
        }
        List<Change> changes = new ArrayList<>(batch.size());
        Set<String> named = new HashSet<>();
        for (MemberState said : batch) {
            named.add(said.membershipNumber());
            MemberState now = byNumber.get(said.membershipNumber());
            changes.add(now == null ? new Change(said.membershipNumber(), Kind.CREATED, List.of(), false)
                    : compare(now, said));
        }
        if (mode == Mode.FULL) {
            held.stream().filter(h -> h.active() && !named.contains(h.membershipNumber()))
                    .map(MemberState::membershipNumber).sorted()
                    .forEach(n -> changes.add(new Change(n, Kind.LAPSED, List.of("status"), true)));
        }
        return new Plan(mode, List.copyOf(changes), active);
    }

    /** What changes when {@code said} replaces {@code now}. */
    static Change compare(MemberState now, MemberState said) {
        List<String> fields = new ArrayList<>();
        if (!Objects.equals(now.displayName(), said.displayName())) {
            fields.add("displayName");
        }
        if (!sameEmail(now.email(), said.email())) {
            fields.add("email");
        }
        if (!Objects.equals(now.clp(), said.clp())) {
            fields.add("clp");
        }
        if (!Objects.equals(now.region(), said.region())) {
            fields.add("region");
        }
        if (!Objects.equals(now.status(), said.status())) {
            fields.add("status");
        }
        Kind kind = fields.isEmpty() ? Kind.UNCHANGED
                : !fields.contains("status") ? Kind.UPDATED
                : said.active() ? Kind.REACTIVATED : Kind.LAPSED;
        return new Change(said.membershipNumber(), kind, List.copyOf(fields), false);
    }

    /** Email addresses are compared without regard to case (Keycloak keeps them in lower case). */
    static boolean sameEmail(String a, String b) {
        return a == null ? b == null : a.equalsIgnoreCase(b);
    }

    /**
     * Whether a full batch would lapse more active members for their absence than {@code maxShare} of
     * them: the sign of a truncated or wrong file, refused rather than applied.
     */
    public static boolean tooManyAbsent(Plan plan, double maxShare) {
        return plan.mode() == Mode.FULL && plan.absentLapses() > 0
                && plan.absentLapses() > Math.floor(maxShare * plan.activeBefore());
    }
}
