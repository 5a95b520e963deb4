package org.evenhand.notification;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.evenhand.crypto.CaseVault;
import org.evenhand.crypto.ErasedException;
import org.jboss.logging.Logger;

/**
 * Sends queued letters. A failed send stays queued and is retried with growing back-off;
 * nothing is dropped. Rows are locked with SKIP LOCKED so several nodes can dispatch.
 */
@ApplicationScoped
public class MailDispatcher {

    private static final Logger LOG = Logger.getLogger(MailDispatcher.class);
    private static final int BATCH = 50;

    @Inject
    Mailer mailer;
    @Inject
    CaseVault vault;

    @Scheduled(every = "${evenhand.mail.dispatch-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatchScheduled() {
        dispatchPending();
    }

    /** Works through every letter due now (failures are rescheduled, so each is tried once). */
    public void dispatchPending() {
        while (QuarkusTransaction.requiringNew().call(this::sendBatch) == BATCH) {
            // next batch
        }
    }

    private int sendBatch() {
        @SuppressWarnings("unchecked")
        List<Notification> due = Notification.getEntityManager().createNativeQuery("""
                SELECT * FROM notifications WHERE status = 'pending' AND next_attempt_at <= now()
                ORDER BY id LIMIT %d FOR UPDATE SKIP LOCKED""".formatted(BATCH), Notification.class)
                .getResultList();
        int sent = 0;
        for (Notification n : due) {
            String body;
            try {
                body = vault.open(n.caseRef, n.body);
            } catch (ErasedException e) {
                n.status = "erased";
                n.body = "";
                continue;
            } catch (RuntimeException e) {
                // one unreadable letter must not hold up the others; it stays queued and visible
                n.attempts++;
                n.lastError = "cannot open letter: " + e.getMessage();
                n.nextAttemptAt = Instant.now().plus(Duration.ofHours(1));
                LOG.errorf("letter %d of %s cannot be opened: %s", n.id, n.caseRef, e.getMessage());
                continue;
            }
            try {
                mailer.send(Mail.withText(n.email, n.subject, body));
                n.status = "sent";
                n.body = "";
                n.sentAt = Instant.now();
                n.lastError = null;
                sent++;
            } catch (RuntimeException e) {
                n.attempts++;
                n.lastError = String.valueOf(e.getMessage());
                long backoff = Math.min(3600, (long) Math.pow(2, Math.min(n.attempts, 12)) * 5);
                n.nextAttemptAt = Instant.now().plus(Duration.ofSeconds(backoff));
                LOG.warnf("mail %d to recipient %d failed (attempt %d), retry in %ds: %s", n.id, n.recipientId,
                        n.attempts, backoff, e.getMessage());
            }
        }
        LOG.debugf("sent %d of %d due letters", sent, due.size());
        return due.size();
    }
}
