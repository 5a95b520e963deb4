package org.evenhand.notification;

import static org.awaitility.Awaitility.await;
import static org.evenhand.testing.Api.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.evenhand.casework.CaseFile;
import org.evenhand.testing.MailServer;
import org.junit.jupiter.api.Test;

/** A letter that cannot be sent stays queued and goes out once the mail server is back. */
@QuarkusTest
class LetterDeliveryTest {

    Notification letterFor(String ref) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Long caseId = CaseFile.byRef(ref).orElseThrow().id;
            return Notification.<Notification>find("caseId", caseId).firstResult();
        });
    }

    static void makeDueNow(String ref) {
        QuarkusTransaction.requiringNew().run(() -> Notification.update(
                "nextAttemptAt = ?1 where status = 'pending' and caseId = (select c.id from CaseFile c where c.ref = ?2)",
                java.time.Instant.now(), ref));
    }

    @Test
    void failedSendIsRetriedNeverLost() {
        MailServer.outage();
        String ref;
        try {
            ref = file("frank", "M100003", LocalDate.of(2026, 8, 8), List.of("bullying"),
                    "Mocking posts about my stammer after each of my speeches at branch meetings.");
            await().atMost(Duration.ofSeconds(20)).until(() -> letterFor(ref).attempts >= 1);
            Notification failed = letterFor(ref);
            assertEquals("pending", failed.status);
            assertNotNull(failed.lastError);
        } finally {
            MailServer.recover();
        }
        // A send after the outage may still meet a connection the mail client pooled before it and fail
        // once more; that letter is rescheduled, not lost, so each poll makes whatever is pending due now.
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(300)).until(() -> {
            makeDueNow(ref);
            return !MailServer.lettersTo("frank@evenhand.test", ref).isEmpty();
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> "sent".equals(letterFor(ref).status));
    }
}
