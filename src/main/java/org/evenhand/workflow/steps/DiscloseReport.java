package org.evenhand.workflow.steps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.evenhand.casework.Disclosing;
import org.evenhand.casework.TaskKind;

/** Sends both parties the investigation report, with the day the comment window (the case's own length) closes. */
@ApplicationScoped
@Named("discloseReport")
public class DiscloseReport implements JavaDelegate {

    @Inject
    Disclosing disclosing;

    @Override
    public void execute(DelegateExecution execution) {
        Object window = execution.getVariable(TaskKind.COMMENT_WINDOW.window().orElseThrow().variable());
        disclosing.discloseReport(execution.getProcessBusinessKey(), window.toString());
    }
}
