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
        enqueue(caseRef, caseId, recipient, subject, sealedBody, null, null);
    }

    /**
     * Queues a letter already rendered from version {@code letterVersion} of the template for {@code letterKind}:
     * the text is stored as written and never rendered again, whatever the manager publishes later.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(String caseRef, Long caseId, Member recipient, String subject, String sealedBody,
            String letterKind, Integer letterVersion) {
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
        n.letterKind = letterKind;
        n.letterVersion = letterVersion;
        n.nextAttemptAt = java.time.Instant.now(); // real time: the dispatcher compares with the database clock
        n.persist();
    }
}
