package org.evenhand.workflow.steps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.evenhand.casework.Withdrawing;

@ApplicationScoped
@Named("closeWithdrawn")
public class CloseWithdrawn implements JavaDelegate {

    @Inject
    Withdrawing withdrawals;

    @Override
    public void execute(DelegateExecution execution) {
        String ref = execution.getProcessBusinessKey();
        withdrawals.closeWithdrawn(ref);
    }
}
