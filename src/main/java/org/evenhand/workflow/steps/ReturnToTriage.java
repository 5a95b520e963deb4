package org.evenhand.workflow.steps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.evenhand.casework.Triaging;

@ApplicationScoped
@Named("returnToTriage")
public class ReturnToTriage implements JavaDelegate {

    @Inject
    Triaging cases;

    @Override
    public void execute(DelegateExecution execution) {
        cases.returnToTriage(execution.getProcessBusinessKey());
    }
}
