package org.evenhand.casework;

import static org.evenhand.casework.TimelineEntry.Audience.parties;
import static org.evenhand.casework.TimelineEntry.Audience.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import org.evenhand.common.TimeSource;
import org.evenhand.crypto.CaseVault;
import org.evenhand.identity.Handler;

/** Investigating a case: an investigator drawn at random among the eligible, and their report. */
@ApplicationScoped
public class Investigating {

    @Inject
    CaseAccess cases;
    @Inject
    CaseProcess process;
    @Inject
    CaseLetters letters;
    @Inject
    TimeSource time;
    @Inject
    Assignment assignment;
    @Inject
    CaseVault vault;

    /** Process step: draws the investigator. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String assignInvestigator(String ref) {
        CaseFile c = cases.load(ref);
        c.investigator = assignment.draw(c, Handler.CASEWORKER, List.of(), 1, "an investigator").get(0);
        letters.record(c, "process", "investigator-drawn", staff, "Investigator drawn at random: " + c.investigator);
        letters.record(c, "process", "investigation", parties, "The case is being investigated");
        return c.investigator;
    }

    @Transactional
    public void investigate(String taskId, String ref, String caseworker, Payloads.Investigation in) {
        CaseFile c = cases.load(ref);
        c.investigationReport = vault.seal(c.ref, in.report());
        c.investigatedAt = time.now();
        letters.record(c, caseworker, "investigated", staff, "Investigation report filed");
        letters.record(c, caseworker, "to-panel", parties, "The investigation is complete; the case goes to a panel");
        process.complete(taskId, Map.of());
    }
}
