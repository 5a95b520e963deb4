package org.evenhand.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.evenhand.common.Durations;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.identity.Member;
import org.evenhand.trail.ActionTrail;

/**
 * Subject access requests (UK GDPR Art. 15): made online by the member or recorded by the DPO for
 * one that came by post, answered within one month, and kept once answered (6 years, V28): who
 * answered, when, and what the answer withheld under which exemption (decision 0041).
 */
@ApplicationScoped
public class SubjectAccessRequests {

    /** What an answer left out: on which case, what (a {@link Withholding.What} code), under which exemption. */
    public record WithheldRecord(String caseRef, String what, String exemption, Integer count) {
    }

    /**
     * A request. receivedVia: online or post; recordedBy: who recorded it (the member online, the DPO for
     * a letter); withheld: null until answered.
     */
    public record RequestView(Long id, String membershipNumber, Instant requestedAt, Instant dueAt, boolean overdue,
            Instant fulfilledAt, String fulfilledBy, String receivedVia, String recordedBy,
            List<WithheldRecord> withheld) {
    }

    /** What marking a request answered would record now: when, by whom, and what the pack withholds. */
    public record Answer(RequestView request, Instant at, String by, List<Withholding.Withheld> withheld) {
    }

    static final String ONLINE = "online";
    static final String POST = "post";

    private static final String COLUMNS = "r.id, m.membership_number, r.requested_at, r.due_at, r.fulfilled_at,"
            + " r.fulfilled_by, r.received_via, r.recorded_by, r.withheld::text";

    @Inject
    SubjectAccessService access;
    @Inject
    ActionTrail trail;
    @Inject
    TimeSource time;
    @Inject
    PrivacyConfig config;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

    /** A member's own request, online: received now. */
    @Transactional
    public RequestView request(Member m) {
        long id = insert(m, time.now(), ONLINE, m.username);
        trail.record(m.username, "subject-access-requested", null, "request " + id);
        return find(id);
    }

    /** A request that came by post, recorded by the DPO: received on the day the letter arrived. */
    @Transactional
    public RequestView recordByPost(Member m, LocalDate receivedOn, String dpo) {
        long id = insert(m, receivedOn.atStartOfDay(TimeSource.ZONE).toInstant(), POST, dpo);
        trail.record(dpo, "subject-access-recorded", null, "request " + id + " for member " + m.id
                + ", received by post on " + receivedOn);
        return find(id);
    }

    private long insert(Member m, Instant received, String via, String recordedBy) {
        return ((Number) em.createNativeQuery("INSERT INTO subject_access_requests (member_id, requested_at, due_at,"
                + " received_via, recorded_by, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id")
                .setParameter(1, m.id).setParameter(2, received)
                .setParameter(3, Durations.after(received, config.responseDeadline())).setParameter(4, via)
                .setParameter(5, recordedBy).setParameter(6, time.now()).getSingleResult()).longValue();
    }

    /** Requests not yet answered, soonest due first. */
    @Transactional
    public List<RequestView> open() {
        return query("r.fulfilled_at IS NULL ORDER BY r.due_at", null, 1000);
    }

    /** The latest answered requests, most recent first (their history does not vanish). */
    @Transactional
    public List<RequestView> answered(int limit) {
        return query("r.fulfilled_at IS NOT NULL ORDER BY r.fulfilled_at DESC", null, limit);
    }

    /** Every request of one member, newest first. */
    @Transactional
    public List<RequestView> of(Member m) {
        return query("r.member_id = ?1 ORDER BY r.requested_at DESC, r.id DESC", m.id, 1000);
    }

    /** One request (404 when there is none). */
    @Transactional
    public RequestView find(long id) {
        List<RequestView> found = query("r.id = ?1", id, 1);
        if (found.isEmpty()) {
            throw ProblemException.notFound("subject access request " + id);
        }
        return found.get(0);
    }

    /** What marking this open request answered would record (404 when it is not open). */
    @Transactional
    public Answer preview(long id, String dpo) {
        RequestView r = openRequest(id);
        Member m = Member.byMembershipNumber(r.membershipNumber()).orElseThrow();
        return new Answer(r, time.now(), dpo, access.withheldFrom(m, dpo));
    }

    /** Marks the request answered, with what the pack withholds now and the exemption for each. */
    @Transactional
    public RequestView fulfil(long id, String dpo) {
        Answer a = preview(id, dpo);
        List<WithheldRecord> withheld = a.withheld().stream().map(w -> new WithheldRecord(w.caseRef(), w.what().code(),
                w.exemption().code(), w.count())).toList();
        int n = em.createNativeQuery("UPDATE subject_access_requests SET fulfilled_at = ?2, fulfilled_by = ?3,"
                + " withheld = CAST(?4 AS jsonb) WHERE id = ?1 AND fulfilled_at IS NULL").setParameter(1, id)
                .setParameter(2, a.at()).setParameter(3, dpo).setParameter(4, write(withheld)).executeUpdate();
        if (n == 0) {
            throw ProblemException.notFound("open subject access request " + id);
        }
        trail.record(dpo, "subject-access-fulfilled", null, "request " + id + "; " + withheld.size() + " withheld"
                + (withheld.isEmpty() ? "" : " under " + String.join(", ", withheld.stream().map(WithheldRecord::exemption)
                        .distinct().toList())));
        return find(id);
    }

    private RequestView openRequest(long id) {
        List<RequestView> found = query("r.id = ?1 AND r.fulfilled_at IS NULL", id, 1);
        if (found.isEmpty()) {
            throw ProblemException.notFound("open subject access request " + id);
        }
        return found.get(0);
    }

    private List<RequestView> query(String where, Object param, int limit) {
        var q = em.createNativeQuery("SELECT " + COLUMNS + " FROM subject_access_requests r JOIN members m"
                + " ON m.id = r.member_id WHERE " + where);
        if (param != null) {
            q.setParameter(1, param);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.setMaxResults(limit).getResultList();
        Instant now = time.now();
        return rows.stream().map(r -> {
            Instant due = SubjectAccessService.instant(r[3]);
            Instant fulfilled = r[4] == null ? null : SubjectAccessService.instant(r[4]);
            return new RequestView(((Number) r[0]).longValue(), (String) r[1], SubjectAccessService.instant(r[2]), due,
                    fulfilled == null && due.isBefore(now), fulfilled, (String) r[5], (String) r[6], (String) r[7],
                    read((String) r[8]));
        }).toList();
    }

    private String write(List<WithheldRecord> withheld) {
        try {
            return json.writeValueAsString(withheld);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<WithheldRecord> read(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return json.readValue(stored, new TypeReference<List<WithheldRecord>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
