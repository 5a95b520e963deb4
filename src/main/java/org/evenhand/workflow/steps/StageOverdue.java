package org.evenhand.workflow.steps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.evenhand.casework.CaseService;

/** Records on the case that a stage passed its target when the escalation task is raised. */
@ApplicationScoped
@Named("stageOverdue")
public class StageOverdue implements TaskListener {

    @Inject
    CaseService cases;

    @Override
    public void notify(DelegateTask task) {
        cases.stageOverdue(task.getExecution().getProcessBusinessKey(), task.getName());
    }
}
