package org.evenhand.workflow.steps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.evenhand.casework.Responding;

@ApplicationScoped
@Named("recordNoResponse")
public class RecordNoResponse implements JavaDelegate {

    @Inject
    Responding cases;

    @Override
    public void execute(DelegateExecution execution) {
        String ref = execution.getProcessBusinessKey();
        cases.recordNoResponse(ref);
    }
}
