package org.evenhand.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.evenhand.trail.ActionTrail;

/** Records refused attempts to add or read evidence, in their own transaction so the refusal is kept. */
@ApplicationScoped
public class RefusalLog {

    @Inject
    ActionTrail trail;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refused(String actor, String action, String caseRef, String why) {
        trail.record(actor, action, caseRef, why);
    }
}
