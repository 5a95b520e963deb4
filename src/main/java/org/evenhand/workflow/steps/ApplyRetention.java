package org.evenhand.workflow.steps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.evenhand.privacy.RetentionService;

@ApplicationScoped
@Named("applyRetention")
public class ApplyRetention implements JavaDelegate {

    @Inject
    RetentionService retention;

    @Override
    public void execute(DelegateExecution execution) {
        String ref = execution.getProcessBusinessKey();
        retention.apply(ref);
    }
}
