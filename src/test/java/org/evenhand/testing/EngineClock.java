package org.evenhand.testing;

import io.quarkus.arc.Arc;
import java.time.Duration;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** Moves the engine's clock and runs the timers that have fallen due: no test waits for real time. */
public final class EngineClock {

    private EngineClock() {
    }

    public static void advance(Duration by) {
        long current = ClockUtil.getCurrentTime().getTime() - System.currentTimeMillis();
        ClockUtil.offset(current + by.toMillis());
    }

    public static void reset() {
        ClockUtil.reset();
    }

    /**
     * Ends the parties' window to comment on the investigation report now, as if its week had
     * passed, by running its timer early (the clock is not moved): for tests that need the panel.
     */
    public static void endCommentWindow(String caseRef) {
        ManagementService management = Arc.container().instance(ManagementService.class).get();
        RuntimeService runtime = Arc.container().instance(RuntimeService.class).get();
        int ended = 0;
        for (ProcessInstance pi : runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseRef).list()) {
            for (Job job : management.createJobQuery().processInstanceId(pi.getId()).activityId("commentWindowClosed")
                    .list()) {
                management.executeJob(job.getId());
                ended++;
            }
        }
        if (ended != 1) {
            throw new AssertionError("case " + caseRef + " is not waiting for comments on its report (" + ended + ")");
        }
    }

    /**
     * Executes every due timer of the case's processes, earliest first and one at a time (a timer's
     * step may end the others, as it would have had the clock run), until none is due.
     */
    public static int fireDueTimers(String caseRef) {
        ManagementService management = Arc.container().instance(ManagementService.class).get();
        RuntimeService runtime = Arc.container().instance(RuntimeService.class).get();
        int fired = 0;
        while (true) {
            Job next = null;
            for (ProcessInstance pi : runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseRef).list()) {
                for (Job job : management.createJobQuery().processInstanceId(pi.getId()).executable().list()) {
                    // a job with no due date (a continuation) is due now; otherwise the earliest timer
                    boolean earlier = next == null || (job.getDuedate() == null ? next.getDuedate() != null
                            : next.getDuedate() != null && job.getDuedate().before(next.getDuedate()));
                    if (earlier) {
                        next = job;
                    }
                }
            }
            if (next == null) {
                return fired;
            }
            management.executeJob(next.getId());
            fired++;
        }
    }
}
