package org.evenhand.workflow.steps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.evenhand.casework.CaseService;

/** "Raise escalation" steps: which stage passed its target follows from the step's id. */
@ApplicationScoped
@Named("raiseEscalation")
public class RaiseEscalation implements JavaDelegate {

    static final Map<String, String> STAGES = Map.of("escalateTriage", "triage", "escalateInvestigation",
            "investigation", "escalatePanel", "panel decision", "escalateAppeal", "appeal hearing");

    @Inject
    CaseService cases;

    @Override
    public void execute(DelegateExecution execution) {
        String stage = STAGES.get(execution.getCurrentActivityId());
        if (stage == null) {
            throw new IllegalStateException("no stage for step " + execution.getCurrentActivityId());
        }
        cases.stageOverdue(execution.getProcessBusinessKey(), stage);
    }
}
