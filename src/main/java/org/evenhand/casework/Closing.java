package org.evenhand.casework;

import static org.evenhand.casework.TimelineEntry.Audience.parties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import org.evenhand.common.TimeSource;

/**
 * Closing a decided case: the standing sanction goes on the record, its retention is scheduled
 * (CaseConcluded) and any interim suspension ends.
 */
@ApplicationScoped
public class Closing {

    @Inject
    CaseAccess cases;
    @Inject
    CaseProcess process;
    @Inject
    CaseLetters letters;
    @Inject
    TimeSource time;
    @Inject
    jakarta.enterprise.inject.Instance<SuspensionService> suspensions;
    @Inject
    jakarta.enterprise.event.Event<CaseConcluded> concluded;
    @Inject
    Sanctions sanctions;

    /** Process step. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void close(String ref) {
        CaseFile c = cases.load(ref);
        c.status = CaseFile.Status.CLOSED;
        c.closedAt = time.now();
        letters.record(c, "process", "closed", parties, "The case is closed");
        sanctions.takeEffect(c);
        concluded.fire(new CaseConcluded(c.ref, c.id, c.outcome, c.closedAt));
        suspensions.get().endingBecause(c, "the case has concluded");
        process.deliver(ref, "CaseConcluded", Map.of());
    }
}
