package org.evenhand.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.evenhand.casework.CaseFile;
import org.evenhand.casework.Erasing;
import org.evenhand.casework.JoinedComplainant;
import org.evenhand.common.Commands;
import org.evenhand.common.Durations;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.evidence.EvidenceService;
import org.evenhand.identity.Member;
import org.evenhand.trail.ActionTrail;

/**
 * Erasure (UK GDPR Art. 17): a member asks, the DPO decides. Cases still open, or closed within
 * the legal-claims window, are kept under the Art. 17(3)(e) exception, recorded with reasons; the
 * rest are crypto-shredded and the member's link to them removed. Where the member joined someone
 * else's case (pile-on), only their own complaint, evidence and link to the case are erased.
 */
@ApplicationScoped
public class ErasureService {

    /** A request. receivedVia: online or post; recordedBy: the member online, the DPO for a letter. */
    public record RequestView(Long id, String membershipNumber, String statement, Instant requestedAt, Instant dueAt,
            boolean overdue, Instant decidedAt, Boolean approved, Boolean legalClaimsException, String decisionReasons,
            Integer casesErased, String decidedBy, String receivedVia, String recordedBy) {
    }

    /** The DPO's decision on an erasure request, with reasons kept as proof of compliance. */
    public record Decision(@NotNull(message = "{privacy.erasure.approve}") Boolean approve,
            @NotBlank(message = "{privacy.erasure.reasons}")
            @Size(max = 20000, message = "{privacy.reasons.max}") String reasons) {
    }

    @Inject
    Commands commands;
    @Inject
    PrivacyConfig config;
    @Inject
    Erasing erasing;
    @Inject
    EvidenceService evidence;
    @Inject
    ActionTrail trail;
    @Inject
    TimeSource time;
    @Inject
    EntityManager em;

    /** A member's request, checked against its record (the API and the page send the same). */
    @Transactional
    public RequestView request(Member m, ErasureRequest in) {
        long id = insert(m, commands.check(in).statement(), time.now(), SubjectAccessRequests.ONLINE, m.username);
        trail.record(m.username, "erasure-requested", null, "request " + id);
        return find(id);
    }

    /** A request that came by post, recorded by the DPO (the command checked by {@link PostalRequests}). */
    @Transactional(Transactional.TxType.MANDATORY)
    RequestView recordByPost(Member m, java.time.LocalDate receivedOn, String statement, String dpo) {
        long id = insert(m, statement, receivedOn.atStartOfDay(TimeSource.ZONE).toInstant(), SubjectAccessRequests.POST,
                dpo);
        trail.record(dpo, "erasure-recorded", null, "request " + id + " for member " + m.id + ", received by post on "
                + receivedOn);
        return find(id);
    }

    private long insert(Member m, String statement, Instant received, String via, String recordedBy) {
        return ((Number) em.createNativeQuery("INSERT INTO erasure_requests (member_id, statement, requested_at, due_at,"
                + " received_via, recorded_by, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id")
                .setParameter(1, m.id).setParameter(2, statement).setParameter(3, received)
                .setParameter(4, Durations.after(received, config.responseDeadline())).setParameter(5, via)
                .setParameter(6, recordedBy).setParameter(7, time.now()).getSingleResult()).longValue();
    }

    /** Every request of one member, decided or not, newest first. */
    @Transactional
    public List<RequestView> of(Member m) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT id FROM erasure_requests WHERE member_id = ?1"
                + " ORDER BY requested_at DESC, id DESC").setParameter(1, m.id).getResultList();
        return ids.stream().map(i -> find(i.longValue())).toList();
    }

    @Transactional
    public List<RequestView> all(boolean openOnly) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT id FROM erasure_requests" + (openOnly ? " WHERE decided_at IS NULL" : "")
                + " ORDER BY due_at").getResultList();
        return ids.stream().map(i -> find(i.longValue())).toList();
    }

    @Transactional
    public RequestView decide(long id, String dpo, Decision d) {
        commands.check(d);
        RequestView r = find(id);
        if (r.decidedAt() != null) {
            throw ProblemException.conflict("erasure request " + id + " was decided on " + r.decidedAt());
        }
        Member m = Member.byMembershipNumber(r.membershipNumber()).orElseThrow();
        int erased = 0;
        List<String> kept = new ArrayList<>();
        if (d.approve()) {
            Instant now = time.now();
            List<CaseFile> cases = CaseFile.list("complainant.id = ?1 or respondent.id = ?1", m.id);
            for (CaseFile c : cases) {
                if (RetentionSchedule.keptForLegalClaims(c.closedAt, LegalHold.activeFor(c.id).isPresent(), now,
                        config.legalClaimsWindow())) {
                    kept.add(c.ref);
                    continue;
                }
                evidence.destroyAll(c, "destroyed on an approved erasure request");
                erasing.eraseForParty(c, m, dpo, "erasure request " + id);
                erased++;
            }
            // complaints the member made that joined someone else's case: only their own part goes
            for (JoinedComplainant j : JoinedComplainant.<JoinedComplainant>list("memberId", m.id)) {
                CaseFile c = CaseFile.findById(j.caseId);
                if (RetentionSchedule.keptForLegalClaims(c.closedAt, LegalHold.activeFor(c.id).isPresent(), now,
                        config.legalClaimsWindow())) {
                    kept.add(c.ref);
                    continue;
                }
                evidence.destroyGivenBy(c, m, "destroyed on an approved erasure request");
                erasing.eraseJoinedComplaint(c, j, dpo);
                erased++;
            }
        }
        String reasons = d.reasons() + (kept.isEmpty() ? "" : "\nKept under the legal-claims exception (Art. 17(3)(e)):"
                + " open or closed within " + config.legalClaimsWindow() + ": " + String.join(", ", kept));
        em.createNativeQuery("UPDATE erasure_requests SET decided_at = ?2, decided_by = ?3, approved = ?4,"
                + " legal_claims_exception = ?5, decision_reasons = ?6, cases_erased = ?7 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, time.now()).setParameter(3, dpo).setParameter(4, d.approve())
                .setParameter(5, !kept.isEmpty()).setParameter(6, reasons).setParameter(7, erased).executeUpdate();
        trail.record(dpo, "erasure-decided", null, "request " + id + (d.approve() ? " approved, " + erased
                + " cases erased, " + kept.size() + " kept for legal claims" : " refused"));
        return find(id);
    }

    private RequestView find(long id) {
        List<?> rows = em.createNativeQuery("""
                SELECT r.id, m.membership_number, r.statement, r.requested_at, r.due_at, r.decided_at, r.approved,
                       r.legal_claims_exception, r.decision_reasons, r.cases_erased, r.decided_by, r.received_via,
                       r.recorded_by
                FROM erasure_requests r JOIN members m ON m.id = r.member_id WHERE r.id = ?1""").setParameter(1, id)
                .getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("erasure request " + id);
        }
        Object[] r = (Object[]) rows.get(0);
        Instant due = SubjectAccessService.instant(r[4]);
        Instant decided = r[5] == null ? null : SubjectAccessService.instant(r[5]);
        return new RequestView(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                SubjectAccessService.instant(r[3]), due, decided == null && due.isBefore(time.now()), decided,
                (Boolean) r[6], (Boolean) r[7], (String) r[8], r[9] == null ? null : ((Number) r[9]).intValue(),
                (String) r[10], (String) r[11], (String) r[12]);
    }
}
