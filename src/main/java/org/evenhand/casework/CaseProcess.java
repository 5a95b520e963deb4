package org.evenhand.casework;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What casework needs from the process engine. Implemented in the workflow package, the
 * only place that talks to the engine; every call joins the caller's transaction.
 */
public interface CaseProcess {

    String COMPLAINT = "complaint";
    String SUSPENSION = "interimSuspension";
    String ESCALATION = "escalation";
    String RETENTION = "retention";
    String SANCTION_TERM = "sanctionTerm";

    /** Starts the process for a case; returns the process instance id. */
    String start(String processKey, String caseRef, Map<String, Object> variables);

    /** Delivers a message to the case's process if it is waiting for it; false if it is not. */
    boolean deliver(String caseRef, String message, Map<String, Object> variables);

    /** The open tasks this user is assigned or may claim. */
    List<WorkItem> tasksFor(String username);

    Optional<WorkItem> task(String taskId);

    /** Whether this user completed this task, now no longer open (a completion sent twice finds it done). */
    boolean completedBy(String taskId, String username);

    List<WorkItem> tasksOfCase(String caseRef);

    /** Every open task of every case, with its candidates (for the complaints manager's checks, decision 0038). */
    List<WorkItem> allOpenTasks();

    void claim(String taskId, String username);

    /** Gives the task to this user (replacing whoever held it). */
    void assign(String taskId, String username);

    /** Takes the task from whoever held it and offers it to these candidates only. */
    void reoffer(String taskId, List<String> candidates);

    void complete(String taskId, Map<String, Object> variables);

    /** The case's current wait states (activity ids) across its processes. */
    List<String> activeSteps(String caseRef);

    /** Timers pending on the case: what falls due and when. */
    List<Deadline> deadlines(String caseRef);

    record WorkItem(String id, String kind, String name, String caseRef, String assignee,
            List<String> candidates, Instant created, Instant due) {
    }

    record Deadline(String step, String name, Instant due) {
    }
}
