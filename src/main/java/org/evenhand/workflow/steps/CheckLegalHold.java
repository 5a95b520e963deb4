package org.evenhand.workflow.steps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.evenhand.privacy.RetentionService;

@ApplicationScoped
@Named("checkLegalHold")
public class CheckLegalHold implements JavaDelegate {

    @Inject
    RetentionService retention;

    @Override
    public void execute(DelegateExecution execution) {
        String ref = execution.getProcessBusinessKey();
        execution.setVariable("onHold", retention.onHold(ref));
    }
}
