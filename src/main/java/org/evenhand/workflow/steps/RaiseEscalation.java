package org.evenhand.workflow.steps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.evenhand.casework.TrackingStages;
import org.evenhand.casework.TaskKind;

/** "Raise escalation" steps: which stage passed its target follows from the step's id. */
@ApplicationScoped
@Named("raiseEscalation")
public class RaiseEscalation implements JavaDelegate {

    @Inject
    TrackingStages cases;

    @Override
    public void execute(DelegateExecution execution) {
        String stage = TaskKind.byEscalationStep(execution.getCurrentActivityId()).map(TaskKind::overdueName)
                .orElse(null);
        if (stage == null) {
            throw new IllegalStateException("no stage for step " + execution.getCurrentActivityId());
        }
        cases.stageOverdue(execution.getProcessBusinessKey(), stage);
    }
}
