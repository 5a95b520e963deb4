package org.evenhand.workflow.steps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.evenhand.common.Durations;

/** Sets a staff task's due date from its stage target, the same duration its overdue timer uses. */
@ApplicationScoped
@Named("stageTarget")
public class StageTarget implements TaskListener {

    static final Map<String, String> TARGET_VARIABLE = Map.of("triage", "targetTriage", "investigate",
            "targetInvestigation", "panelDecision", "targetPanel", "hearAppeal", "targetAppeal");

    @Override
    public void notify(DelegateTask task) {
        String variable = TARGET_VARIABLE.get(task.getTaskDefinitionKey());
        Object iso = variable == null ? null : task.getVariable(variable);
        if (iso == null) {
            return;
        }
        task.setDueDate(Date.from(Durations.after(task.getCreateTime().toInstant(), iso.toString())));
    }
}
