package org.evenhand.workflow.steps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.evenhand.casework.CaseService;

/**
 * Execution listener on each stage's wait state: keeps the case's stage (and the deadline a party
 * has in it: the response window, the appeal window) on the case, so that the member's view reads
 * it from the case instead of asking the engine.
 */
@ApplicationScoped
@Named("stageEntered")
public class StageEntered implements ExecutionListener {

    /** Stages whose interrupting timer is a party's deadline, and the variable holding its duration. */
    static final Map<String, String> WINDOW_VARIABLE = Map.of("awaitResponse", "responseWindow", "appealWindow",
            "appealWindow");

    @Inject
    CaseService cases;

    @Override
    public void notify(DelegateExecution execution) {
        String stage = execution.getCurrentActivityId();
        String variable = WINDOW_VARIABLE.get(stage);
        Object window = variable == null ? null : execution.getVariable(variable);
        cases.stageEntered(execution.getProcessBusinessKey(), stage, window == null ? null : window.toString());
    }
}
