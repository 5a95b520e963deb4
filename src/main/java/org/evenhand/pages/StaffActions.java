package org.evenhand.pages;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import org.evenhand.casework.TaskService;
import org.evenhand.evidence.EvidenceRecords;
import org.evenhand.evidence.EvidenceService;

/**
 * A staff form that does more than one thing, done in one transaction: triage records the lawful
 * basis for each item of evidence and completes the task, or does neither.
 */
@ApplicationScoped
public class StaffActions {

    @Inject
    TaskService tasks;
    @Inject
    EvidenceService evidence;

    @Transactional
    public void complete(String username, String taskId, String ref, JsonNode payload,
            Map<Long, EvidenceRecords.LawfulBasisRecord> bases) {
        bases.forEach((id, basis) -> evidence.recordLawfulBasis(username, ref, id, basis));
        tasks.complete(taskId, username, payload);
    }
}
