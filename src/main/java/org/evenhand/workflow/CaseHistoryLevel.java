package org.evenhand.workflow;

import java.util.Set;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * The engine history Evenhand keeps (decision 0045): each process instance (when it started and
 * ended: the crash checks read it), each user task (who completed it: the task pages' "already
 * done" answer reads it, CamundaCaseProcess.completedBy) and incidents. Not the activity
 * instances, variables, variable details, identity links or job log of the "full" level: every
 * state change a case goes through is already on its own timeline, trail and stage visits, and the
 * engine's copies were two thirds of the rows a filing wrote.
 */
final class CaseHistoryLevel implements HistoryLevel {

    static final CaseHistoryLevel INSTANCE = new CaseHistoryLevel();
    /** Stored by the engine in act_ge_property (the built-in levels are 0-3). */
    static final int ID = 11;
    static final String NAME = "evenhand-cases";

    private static final Set<HistoryEventTypes> KEPT = Set.of(
            HistoryEventTypes.PROCESS_INSTANCE_START, HistoryEventTypes.PROCESS_INSTANCE_UPDATE,
            HistoryEventTypes.PROCESS_INSTANCE_MIGRATE, HistoryEventTypes.PROCESS_INSTANCE_END,
            HistoryEventTypes.TASK_INSTANCE_CREATE, HistoryEventTypes.TASK_INSTANCE_UPDATE,
            HistoryEventTypes.TASK_INSTANCE_MIGRATE, HistoryEventTypes.TASK_INSTANCE_COMPLETE,
            HistoryEventTypes.TASK_INSTANCE_DELETE,
            HistoryEventTypes.INCIDENT_CREATE, HistoryEventTypes.INCIDENT_MIGRATE, HistoryEventTypes.INCIDENT_DELETE,
            HistoryEventTypes.INCIDENT_RESOLVE, HistoryEventTypes.INCIDENT_UPDATE);

    private CaseHistoryLevel() {
    }

    @Override
    public int getId() {
        return ID;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        return eventType instanceof HistoryEventTypes t && KEPT.contains(t);
    }
}
