package org.evenhand.workflow.steps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.evenhand.casework.TrackingStages;
import org.evenhand.casework.TaskKind;

/**
 * Execution listener on each stage's wait state: keeps the case's stage (and the date it ends: a
 * party's window, or a staff stage's target) on the case, so that the member's view reads it from
 * the case instead of asking the engine.
 */
@ApplicationScoped
@Named("stageEntered")
public class StageEntered implements ExecutionListener {

    @Inject
    TrackingStages stages;

    @Override
    public void notify(DelegateExecution execution) {
        String stage = execution.getCurrentActivityId();
        // a party's window, or a staff stage's target: the date the parties are shown for the stage
        Object window = TaskKind.find(stage).flatMap(k -> k.window().map(TaskKind.Window::variable)
                .or(k::targetVariable)).map(execution::getVariable).orElse(null);
        stages.stageEntered(execution.getProcessBusinessKey(), stage, window == null ? null : window.toString());
    }
}
