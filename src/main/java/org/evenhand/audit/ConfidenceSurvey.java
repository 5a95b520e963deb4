package org.evenhand.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.evenhand.casework.CaseConcluded;
import org.evenhand.casework.CaseFile;
import org.evenhand.casework.JoinedComplainant;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.identity.Member;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * The confidence survey (docs/data-protection/confidence-survey.md): when a case ends, every party
 * it was put to is invited; a party answers their own invitation once, before it expires. The
 * answer is stored with no link to the case, the person or the invitation, and no time finer than
 * the quarter; the invitation keeps only that it was answered. Both in one transaction.
 */
@ApplicationScoped
public class ConfidenceSurvey {

    private static final Logger LOG = Logger.getLogger(ConfidenceSurvey.class);

    @Inject
    AuditConfig config;
    @Inject
    TimeSource time;
    @Inject
    Validator validator;
    @Inject
    EntityManager em;

    /** An open invitation, as its member sees it. */
    public record Invitation(String id, String caseRef, String role, OutcomeBand band, LocalDate expiresOn) {
    }

    /**
     * The member's open invitations, and the faction they could count their answers under (null when
     * they have declared none, or "prefer not to say").
     */
    public record Open(List<Invitation> invitations, String declaredFaction) {
    }

    /**
     * When a case ends (in the transaction that ends it): an invitation for the complainant, each
     * complainant who joined the case (pile-on) and not erased, and the respondent if the allegation
     * was put to them (a complaint dismissed at triage is never shown to its respondent, so neither is
     * a survey about it). Observed again for the same case, it adds nothing.
     */
    void invite(@Observes CaseConcluded event) {
        Optional<OutcomeBand> band = OutcomeBand.of(event.outcome());
        CaseFile c = CaseFile.byRef(event.ref()).orElse(null);
        if (band.isEmpty() || c == null) {
            if (event.outcome() != CaseFile.Outcome.WITHDRAWN) {
                LOG.warnf("Case %s ended without an outcome: no survey invitations", event.ref());
            }
            return;
        }
        Map<Long, String> parties = new LinkedHashMap<>();
        if (c.complainant != null) {
            parties.put(c.complainant.id, "complainant");
        }
        for (JoinedComplainant j : JoinedComplainant.ofCase(c.id)) {
            if (j.memberId != null && j.erasedAt == null) {
                parties.putIfAbsent(j.memberId, "complainant");
            }
        }
        if (c.respondent != null && c.respondentNotifiedAt != null) {
            parties.putIfAbsent(c.respondent.id, "respondent");
        }
        LocalDate expires = (event.at() == null ? time.now() : event.at()).atZone(TimeSource.ZONE).toLocalDate()
                .plusDays(config.survey().invitationDays());
        parties.forEach((member, role) -> {
            if (SurveyInvitation.count("caseRef = ?1 and memberId = ?2", c.ref, member) == 0) {
                SurveyInvitation i = new SurveyInvitation();
                i.id = UUID.randomUUID();
                i.memberId = member;
                i.caseRef = c.ref;
                i.role = role;
                i.outcomeBand = band.get().code;
                i.expiresOn = expires;
                i.persist();
            }
        });
    }

    /** The member's invitations still open: not answered, not expired; the soonest to close first. */
    @Transactional
    public Open open(Member m) {
        List<Invitation> open = new ArrayList<>();
        for (SurveyInvitation i : SurveyInvitation.<SurveyInvitation>list(
                "memberId = ?1 and answered = false and expiresOn >= ?2 order by expiresOn, caseRef", m.id,
                time.today())) {
            open.add(view(i));
        }
        return new Open(open, declaredFaction(m));
    }

    /** One of the member's own invitations, open: 404 if it is not theirs, 409 if answered, 410 if closed. */
    @Transactional
    public Invitation invitation(Member m, String id) {
        return view(usable(own(m, id, false)));
    }

    /**
     * Records the answers to one of the member's invitations: the invitation marked answered and the
     * answer stored unlinked, in one transaction. Bad answers (400), someone else's invitation or none
     * (404), one already answered (409) or closed (410) store nothing.
     */
    @Transactional
    public void answer(Member m, String invitationId, SurveyAnswer answer) {
        if (answer == null) {
            throw ProblemException.badRequest("send the four answers as a JSON object");
        }
        Set<ConstraintViolation<SurveyAnswer>> violations = validator.validate(answer);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        SurveyInvitation i = usable(own(m, invitationId, true));
        String faction = null;
        if (Boolean.TRUE.equals(answer.withFaction())) {
            faction = declaredFaction(m);
            if (faction == null) {
                throw ProblemException.invalidField("withFaction", "you have not declared a faction, so your answers"
                        + " cannot be counted under one; send them without it (or declare one first)");
            }
        }
        i.answered = true;
        int[] s = answer.scores();
        String chosen = faction;
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO confidence_answers_pending (id, quarter, role,"
                    + " outcome_band, faction, heard, neutral, respect, trust) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setObject(1, UUID.randomUUID());
                ps.setObject(2, quarterStart(time.today()));
                ps.setString(3, i.role);
                ps.setString(4, i.outcomeBand);
                ps.setString(5, chosen);
                for (int q = 0; q < s.length; q++) {
                    ps.setShort(6 + q, (short) s[q]);
                }
                ps.executeUpdate();
            }
        });
    }

    /** The first day of the quarter a date falls in: the only time an answer carries. */
    static LocalDate quarterStart(LocalDate d) {
        return LocalDate.of(d.getYear(), (d.getMonthValue() - 1) / 3 * 3 + 1, 1);
    }

    /** A configured faction the member has declared (consent is part of every declaration), or null. */
    @Transactional
    String declaredFaction(Member m) {
        FactionDeclaration d = FactionDeclaration.findById(m.id);
        return d == null || FactionService.PREFER_NOT_TO_SAY.equals(d.faction) ? null : d.faction;
    }

    private static SurveyInvitation own(Member m, String id, boolean lock) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id == null ? "" : id.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("survey invitation " + id);
        }
        var q = SurveyInvitation.<SurveyInvitation>find("id = ?1 and memberId = ?2", uuid, m.id);
        if (lock) {
            q = q.withLock(LockModeType.PESSIMISTIC_WRITE);
        }
        return q.firstResultOptional().orElseThrow(() -> ProblemException.notFound("survey invitation " + id));
    }

    private SurveyInvitation usable(SurveyInvitation i) {
        if (i.answered) {
            throw new ProblemException(409, "survey-answered", "Already answered", "you have already answered the"
                    + " survey about case " + i.caseRef + ", thank you; answers cannot be changed, because nothing"
                    + " links them to you", List.of());
        }
        if (i.expiresOn.isBefore(time.today())) {
            throw new ProblemException(410, "survey-closed", "The survey has closed", "the survey about case "
                    + i.caseRef + " closed on " + org.evenhand.web.Formats.date(i.expiresOn), List.of());
        }
        return i;
    }

    private static Invitation view(SurveyInvitation i) {
        return new Invitation(i.id.toString(), i.caseRef, i.role, OutcomeBand.ofCode(i.outcomeBand), i.expiresOn);
    }
}
