package org.evenhand.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.evenhand.common.TimeSource;
import org.evenhand.identity.Member;

/** Queues a letter to a party; the dispatcher sends it once the transaction has committed. */
@ApplicationScoped
public class Outbox {

    @Inject
    TimeSource time;

    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(Long caseId, Member recipient, String subject, String body) {
        if (recipient.email == null || recipient.email.isBlank()) {
            return;
        }
        Notification n = new Notification();
        n.caseId = caseId;
        n.recipientId = recipient.id;
        n.email = recipient.email;
        n.subject = subject;
        n.body = body;
        n.createdAt = time.now();
        n.status = "pending";
        n.nextAttemptAt = java.time.Instant.now(); // real time: the dispatcher compares with the database clock
        n.persist();
    }
}
