package org.evenhand.workflow.steps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.evenhand.casework.PanelService;

@ApplicationScoped
@Named("notifyAppealOutcome")
public class NotifyAppealOutcome implements JavaDelegate {

    @Inject
    PanelService panels;

    @Override
    public void execute(DelegateExecution execution) {
        String ref = execution.getProcessBusinessKey();
        panels.notifyAppealOutcome(ref);
    }
}
