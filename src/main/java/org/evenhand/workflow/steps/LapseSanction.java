package org.evenhand.workflow.steps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.evenhand.casework.Sanctions;

@ApplicationScoped
@Named("lapseSanction")
public class LapseSanction implements JavaDelegate {

    @Inject
    Sanctions sanctions;

    @Override
    public void execute(DelegateExecution execution) {
        String ref = execution.getProcessBusinessKey();
        sanctions.lapse(ref);
    }
}
