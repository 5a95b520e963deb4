package org.evenhand.workflow.steps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.evenhand.casework.TaskKind;
import org.evenhand.casework.rules.Deadlines;

/** Sets a staff task's due date from its stage target, the same duration its overdue timer uses. */
@ApplicationScoped
@Named("stageTarget")
public class StageTarget implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        Object iso = TaskKind.find(task.getTaskDefinitionKey()).flatMap(TaskKind::targetVariable)
                .map(task::getVariable).orElse(null);
        if (iso == null) {
            return;
        }
        task.setDueDate(Date.from(Deadlines.due(task.getCreateTime().toInstant(), iso.toString())));
    }
}
