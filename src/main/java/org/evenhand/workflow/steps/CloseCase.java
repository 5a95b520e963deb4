package org.evenhand.workflow.steps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.evenhand.casework.Closing;

@ApplicationScoped
@Named("closeCase")
public class CloseCase implements JavaDelegate {

    @Inject
    Closing cases;

    @Override
    public void execute(DelegateExecution execution) {
        String ref = execution.getProcessBusinessKey();
        cases.close(ref);
    }
}
