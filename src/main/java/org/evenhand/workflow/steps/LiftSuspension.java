package org.evenhand.workflow.steps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.evenhand.casework.SuspensionService;

@ApplicationScoped
@Named("liftSuspension")
public class LiftSuspension implements JavaDelegate {

    @Inject
    SuspensionService suspensions;

    @Override
    public void execute(DelegateExecution execution) {
        String ref = execution.getProcessBusinessKey();
        suspensions.lift(ref);
    }
}
