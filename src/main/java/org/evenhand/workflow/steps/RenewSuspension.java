package org.evenhand.workflow.steps;

import java.util.Date;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.evenhand.casework.SuspensionService;

@ApplicationScoped
@Named("renewSuspension")
public class RenewSuspension implements JavaDelegate {

    @Inject
    SuspensionService suspensions;

    @Override
    public void execute(DelegateExecution execution) {
        String ref = execution.getProcessBusinessKey();
        execution.setVariable(SuspensionService.ENDS, Date.from(suspensions.renew(ref)));
    }
}
