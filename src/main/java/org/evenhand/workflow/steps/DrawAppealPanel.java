package org.evenhand.workflow.steps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.evenhand.casework.PanelService;
import org.evenhand.casework.TaskKind;

@ApplicationScoped
@Named("drawAppealPanel")
public class DrawAppealPanel implements JavaDelegate {

    @Inject
    PanelService panels;

    @Override
    public void execute(DelegateExecution execution) {
        String ref = execution.getProcessBusinessKey();
        execution.setVariable(TaskKind.HEAR_APPEAL.benchVariable().orElseThrow(), panels.drawAppealPanel(ref));
    }
}
