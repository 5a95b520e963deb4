package org.evenhand.audit;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import org.evenhand.common.TimeSource;
import org.jboss.logging.Logger;

/**
 * Keeps the confidence survey unlinkable and within its retention
 * (docs/data-protection/confidence-survey.md):
 * <ul>
 * <li><b>mixing</b>: an answer is written in the transaction that marks its invitation answered, so
 * until it moves it carries that transaction's id, and it sits in the table in the order answers
 * came in. Once at least {@code mix-at} answers are waiting, one transaction moves them all into
 * confidence_answers in random order: from then on neither the transaction id nor the position of
 * an answer says which invitation it answered.</li>
 * <li><b>purging</b>: invitations are deleted the day after they expire, answered or not; answers
 * when they are older than {@code answers-kept-years} (counted from the quarter they were given in).</li>
 * </ul>
 */
@ApplicationScoped
public class SurveyHousekeeping {

    private static final Logger LOG = Logger.getLogger(SurveyHousekeeping.class);

    static final String COLUMNS = "id, quarter, role, outcome_band, faction, heard, neutral, respect, trust";

    @Inject
    EntityManager em;
    @Inject
    AuditConfig config;
    @Inject
    TimeSource time;

    public record Purged(int invitations, int answers) {
    }

    @Scheduled(identity = "confidence-survey-mix", every = "{evenhand.audit.survey.mix-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledMix() {
        int moved = mix();
        if (moved > 0) {
            LOG.infof("Confidence survey: %d answers mixed", moved);
        }
    }

    @Scheduled(identity = "confidence-survey-purge", cron = "{evenhand.audit.survey.purge-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        Purged p = purge();
        LOG.infof("Confidence survey: %d expired invitations and %d old answers deleted", p.invitations(), p.answers());
    }

    /**
     * Moves the waiting answers, in random order, in one transaction, if at least mix-at are waiting;
     * returns how many moved. Safe to run on several instances at once (a row moves once).
     */
    @Transactional
    public int mix() {
        long waiting = ((Number) em.createNativeQuery("SELECT count(*) FROM confidence_answers_pending")
                .getSingleResult()).longValue();
        if (waiting == 0 || waiting < config.survey().mixAt()) {
            return 0;
        }
        return em.createNativeQuery("WITH moved AS (DELETE FROM confidence_answers_pending RETURNING " + COLUMNS
                + ") INSERT INTO confidence_answers (" + COLUMNS + ") SELECT " + COLUMNS
                + " FROM moved ORDER BY random()").executeUpdate();
    }

    /** Deletes expired invitations and answers past their retention. */
    @Transactional
    public Purged purge() {
        LocalDate today = time.today();
        int invitations = em.createNativeQuery("DELETE FROM survey_invitations WHERE expires_on < ?1")
                .setParameter(1, today).executeUpdate();
        LocalDate keepFrom = ConfidenceSurvey.quarterStart(today).minusYears(config.survey().answersKeptYears());
        int answers = 0;
        for (String table : new String[] { "confidence_answers", "confidence_answers_pending" }) {
            answers += em.createNativeQuery("DELETE FROM " + table + " WHERE quarter < ?1").setParameter(1, keepFrom)
                    .executeUpdate();
        }
        return new Purged(invitations, answers);
    }
}
