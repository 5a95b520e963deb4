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
    /** Queues a letter whose body is already sealed under the case's key. */
    public void enqueue(String caseRef, Long caseId, Member recipient, String subject, String sealedBody) {
        if (recipient.email == null || recipient.email.isBlank()) {
            return;
        }
        Notification n = new Notification();
        n.caseId = caseId;
        n.caseRef = caseRef;
        n.recipientId = recipient.id;
        n.email = recipient.email;
        n.subject = subject;
        n.body = sealedBody;
        n.createdAt = time.now();
        n.status = "pending";
        n.nextAttemptAt = java.time.Instant.now(); // real time: the dispatcher compares with the database clock
        n.persist();
    }
}
