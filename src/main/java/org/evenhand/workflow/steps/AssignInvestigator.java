package org.evenhand.workflow.steps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.evenhand.casework.Investigating;

@ApplicationScoped
@Named("assignInvestigator")
public class AssignInvestigator implements JavaDelegate {

    @Inject
    Investigating cases;

    @Override
    public void execute(DelegateExecution execution) {
        String ref = execution.getProcessBusinessKey();
        execution.setVariable("investigator", cases.assignInvestigator(ref));
    }
}
