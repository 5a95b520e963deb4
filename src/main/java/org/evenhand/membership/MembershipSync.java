package org.evenhand.membership;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.evenhand.common.Problem;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.identity.Member;
import org.evenhand.identity.PlaceNames;
import org.evenhand.membership.SyncRules.Change;
import org.evenhand.membership.SyncRules.Kind;
import org.evenhand.membership.SyncRules.MemberState;
import org.evenhand.membership.SyncRules.Mode;
import org.evenhand.membership.SyncRules.Plan;
import org.evenhand.trail.ActionTrail;

/**
 * Applies a batch of member records from the party's membership system (decision 0039), from the API,
 * the complaints manager's page or the file drop alike: every record is checked first (one refused
 * record refuses the batch, each refusal named by its line, nothing stored); then {@link SyncRules}
 * says what changes; a dry run returns that and stores nothing; otherwise the members are created,
 * updated, lapsed or reactivated, each change is on the action trail (membership numbers and the names
 * of the fields that changed, never their values), the sync is recorded, and each member with a login
 * is queued for Keycloak, which the {@link Provisioner} makes match after the commit.
 */
@ApplicationScoped
public class MembershipSync {

    /** Where a batch came from: "api", "page" or "file"; who sent it; the file's name, if any. */
    public record Source(String kind, String actor, String fileName) {
    }

    public record ChangeView(String membershipNumber, String change, List<String> fields, boolean absent) {
    }

    /**
     * What a sync did, or (a dry run) would do; {@code syncId} only once applied. {@code digest}: SHA-256 of
     * the records as tidied and the mode; {@code planDigest}: of the changes, so that what is applied after a
     * preview can be held to what the preview showed.
     */
    public record Report(Long syncId, boolean dryRun, String mode, int records, int created, int updated, int lapsed,
            int reactivated, int unchanged, List<ChangeView> changes, String digest, String planDigest) {
    }

    /** A record's properties in the order its refusals are listed (a file's columns). */
    static final List<String> PROPERTIES = List.of("membershipNumber", "displayName", "email", "clp", "region", "status",
            "joinedOn");

    static final long SYNC_LOCK = 0x6d656d62L; // one sync at a time: two could create the same member

    @Inject
    EntityManager em;
    @Inject
    Validator validator;
    @Inject
    MembershipCsv csv;
    @Inject
    MembershipWords words;
    @Inject
    MembershipConfig config;
    @Inject
    Provisioner provisioner;
    @Inject
    ActionTrail trail;
    @Inject
    PlaceNames places;
    @Inject
    TimeSource time;

    @Transactional
    public Report sync(MembershipBatch batch, Mode mode, boolean dryRun, Source source) {
        return sync(batch, mode, dryRun, source, null);
    }

    /**
     * As {@link #sync(MembershipBatch, Mode, boolean, Source)}, refused (409, nothing stored) unless the
     * changes are those a preview showed ({@code expectedPlan}, its {@code planDigest}; null: any).
     */
    @Transactional
    public Report sync(MembershipBatch batch, Mode mode, boolean dryRun, Source source, String expectedPlan) {
        List<MemberRecord> records = check(batch);
        if (!dryRun) {
            em.createNativeQuery("SELECT pg_advisory_xact_lock(" + SYNC_LOCK + ")").getSingleResult();
        }
        Map<String, Member> held = held(records, mode);
        List<MemberState> said = records.stream().map(MemberRecord::state).toList();
        Plan plan = SyncRules.plan(held.values().stream().map(MembershipSync::state).toList(), said, mode);
        if (SyncRules.tooManyAbsent(plan, config.fullSyncMaxLapseShare())) {
            throw ProblemException.invalidField("mode", words.tooManyAbsent(plan.absentLapses(), plan.activeBefore(),
                    Math.round(config.fullSyncMaxLapseShare() * 100)));
        }
        String digest = digest(mode, said);
        String planDigest = planDigest(plan);
        if (expectedPlan != null && !expectedPlan.equals(planDigest)) {
            throw new ProblemException(409, "membership-changed", "The membership changed", words.planChanged(), List.of());
        }
        Long id = dryRun ? null : apply(plan, records, held, source, digest);
        return report(plan, id, dryRun, records.size(), digest, planDigest);
    }

    /** The records, tidied, if every one keeps its rules and no membership number is given twice. */
    List<MemberRecord> check(MembershipBatch batch) {
        if (batch.rows().isEmpty() && batch.unreadable().isEmpty()) {
            throw csv.refused(List.of(new Problem.FieldError(batch.file() ? "file" : "members", words.noMembers())));
        }
        List<Problem.FieldError> errors = new ArrayList<>(batch.unreadable());
        List<MemberRecord> records = new ArrayList<>(batch.rows().size());
        Map<String, Integer> first = new HashMap<>();
        for (MembershipBatch.Row row : batch.rows()) {
            MemberRecord r = row.record() == null ? new MemberRecord(null, null, null, null, null, null, null)
                    : row.record().normalised();
            validator.validate(r).stream().sorted(Comparator.comparing((ConstraintViolation<MemberRecord> v) ->
                    PROPERTIES.indexOf(v.getPropertyPath().toString())))
                    .forEach(v -> errors.add(error(batch, row.position(), v.getPropertyPath().toString(), v.getMessage())));
            if (r.membershipNumber() != null) {
                Integer before = first.putIfAbsent(r.membershipNumber(), row.position());
                if (before != null) {
                    errors.add(error(batch, row.position(), "membershipNumber",
                            words.twice(r.membershipNumber(), batch.where(before))));
                }
            }
            records.add(r);
        }
        if (!errors.isEmpty()) {
            if (batch.file()) {
                errors.sort(Comparator.comparing(Problem.FieldError::line, Comparator.nullsFirst(Comparator.naturalOrder())));
            }
            throw csv.refused(errors);
        }
        return records;
    }

    private static Problem.FieldError error(MembershipBatch batch, int position, String property, String message) {
        return batch.file() ? new Problem.FieldError(MembershipCsv.COLUMN_OF.getOrDefault(property, property), message, position)
                : new Problem.FieldError("members[" + position + "]." + property, message);
    }

    /** The members the plan needs: those the batch names, and for a full sync everyone. */
    private Map<String, Member> held(List<MemberRecord> records, Mode mode) {
        Map<String, Member> held = new HashMap<>();
        if (mode == Mode.FULL) {
            Member.<Member>streamAll().forEach(m -> held.put(m.membershipNumber, m));
            return held;
        }
        List<String> numbers = records.stream().map(MemberRecord::membershipNumber).toList();
        for (int i = 0; i < numbers.size(); i += 1000) {
            Member.<Member>list("membershipNumber in ?1", numbers.subList(i, Math.min(numbers.size(), i + 1000)))
                    .forEach(m -> held.put(m.membershipNumber, m));
        }
        return held;
    }

    private Long apply(Plan plan, List<MemberRecord> records, Map<String, Member> held, Source source, String digest) {
        Long id = ((Number) em.createNativeQuery("""
                INSERT INTO membership_syncs (at, source, actor, mode, file_name, sha256, records, created, updated,
                    lapsed, reactivated, unchanged) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) RETURNING id""")
                .setParameter(1, time.now()).setParameter(2, source.kind()).setParameter(3, source.actor())
                .setParameter(4, plan.mode().word()).setParameter(5, source.fileName()).setParameter(6, digest)
                .setParameter(7, records.size()).setParameter(8, plan.count(Kind.CREATED))
                .setParameter(9, plan.count(Kind.UPDATED)).setParameter(10, plan.count(Kind.LAPSED))
                .setParameter(11, plan.count(Kind.REACTIVATED)).setParameter(12, plan.count(Kind.UNCHANGED))
                .getSingleResult()).longValue();
        Map<String, MemberRecord> byNumber = new HashMap<>();
        records.forEach(r -> byNumber.put(r.membershipNumber(), r));
        LocalDate today = LocalDate.ofInstant(time.now(), ZoneId.of("Europe/London"));
        Set<String> loginsTaken = loginsTaken(plan);
        List<Long> toProvision = new ArrayList<>();
        for (Change c : plan.changed()) {
            MemberRecord r = byNumber.get(c.membershipNumber());
            Member m = c.kind() == Kind.CREATED ? create(r, today, loginsTaken) : held.get(c.membershipNumber());
            if (c.absent()) {
                m.status = SyncRules.LAPSED;
            } else if (c.kind() != Kind.CREATED) {
                m.displayName = r.displayName();
                m.email = r.email();
                m.clp = r.clp();
                m.region = r.region();
                m.status = r.status();
            }
            if (m.username != null) {
                toProvision.add(m.id);
            }
            trail.record(source.actor(), "member-" + c.kind().word(), null, "member " + c.membershipNumber()
                    + (c.fields().isEmpty() ? "" : " fields " + String.join(",", c.fields()))
                    + (c.absent() ? " (absent from a full sync)" : "") + " sync " + id);
        }
        provisioner.queue(toProvision);
        trail.record(source.actor(), "membership-synced", null, "sync " + id + " from " + source.kind()
                + (source.fileName() == null ? "" : " file " + source.fileName()) + " mode " + plan.mode().word()
                + " records " + records.size() + " created " + plan.count(Kind.CREATED) + " updated "
                + plan.count(Kind.UPDATED) + " lapsed " + plan.count(Kind.LAPSED) + " reactivated "
                + plan.count(Kind.REACTIVATED) + " unchanged " + plan.count(Kind.UNCHANGED) + " sha256 " + digest);
        if (plan.count(Kind.CREATED) + plan.count(Kind.UPDATED) + plan.count(Kind.REACTIVATED) > 0) {
            places.forget(); // a new CLP or region is struck from what blind panels read
        }
        return id;
    }

    /**
     * A new member, with a login: their membership number in lower case (Keycloak keeps usernames so),
     * unless another member already has it as theirs (then none: they cannot sign in until one is given).
     */
    private Member create(MemberRecord r, LocalDate today, Set<String> loginsTaken) {
        Member m = new Member();
        m.membershipNumber = r.membershipNumber();
        String login = r.membershipNumber().toLowerCase(Locale.ROOT);
        m.username = loginsTaken.add(login) ? login : null; // "m1" and "M1" cannot both have the login m1
        m.displayName = r.displayName();
        m.email = r.email();
        m.clp = r.clp();
        m.region = r.region();
        m.status = r.status();
        m.joinedOn = r.joinedOn() != null ? r.joinedOn() : today;
        m.persist();
        return m;
    }

    /** The logins the members to be created would have that other members have already. */
    private Set<String> loginsTaken(Plan plan) {
        List<String> logins = plan.changes().stream().filter(c -> c.kind() == Kind.CREATED)
                .map(c -> c.membershipNumber().toLowerCase(Locale.ROOT)).toList();
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < logins.size(); i += 1000) {
            @SuppressWarnings("unchecked")
            List<String> found = em.createNativeQuery("SELECT username FROM members WHERE username = ANY(?1)")
                    .setParameter(1, logins.subList(i, Math.min(logins.size(), i + 1000)).toArray(String[]::new))
                    .getResultList();
            taken.addAll(found);
        }
        return taken;
    }

    private static MemberState state(Member m) {
        return new MemberState(m.membershipNumber, m.displayName, m.email, m.clp, m.region, m.status);
    }

    private static Report report(Plan plan, Long id, boolean dryRun, int records, String digest, String planDigest) {
        return new Report(id, dryRun, plan.mode().word(), records, plan.count(Kind.CREATED), plan.count(Kind.UPDATED),
                plan.count(Kind.LAPSED), plan.count(Kind.REACTIVATED), plan.count(Kind.UNCHANGED),
                plan.changed().stream().map(c -> new ChangeView(c.membershipNumber(), c.kind().word(), c.fields(),
                        c.absent())).toList(), digest, planDigest);
    }

    static String planDigest(Plan plan) {
        StringBuilder b = new StringBuilder(plan.mode().word());
        for (Change c : plan.changes()) {
            b.append('\n').append(c.membershipNumber()).append(' ').append(c.kind().word()).append(' ')
                    .append(String.join(",", c.fields())).append(c.absent() ? " absent" : "");
        }
        return sha256(b.toString());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fingerprint of what was said (the records as tidied, and the mode), whatever the format it came in. */
    static String digest(Mode mode, List<MemberState> said) {
        StringBuilder b = new StringBuilder(mode.word());
        for (MemberState s : said) {
            b.append('\n').append(s.membershipNumber()).append('\u001f').append(s.displayName()).append('\u001f')
                    .append(s.email()).append('\u001f').append(s.clp()).append('\u001f').append(s.region())
                    .append('\u001f').append(s.status());
        }
        return sha256(b.toString());
    }
}
