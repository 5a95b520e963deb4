package org.evenhand.workflow.steps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.evenhand.casework.Reminding;
import org.evenhand.casework.TaskKind;

/**
 * "Remind ..." steps: the stage whose window or target is near is the one the step's reminder
 * timer is attached to, read from the diagram, so no stage is named here.
 */
@ApplicationScoped
@Named("sendReminder")
public class SendReminder implements JavaDelegate {

    @Inject
    Reminding reminding;

    @Override
    public void execute(DelegateExecution execution) {
        FlowNode step = (FlowNode) execution.getBpmnModelElementInstance();
        String stage = step.getIncoming().stream().map(f -> f.getSource())
                .filter(BoundaryEvent.class::isInstance).map(b -> ((BoundaryEvent) b).getAttachedTo().getId())
                .findFirst().orElseThrow(() -> new IllegalStateException("no reminder timer before " + step.getId()));
        reminding.remind(execution.getProcessBusinessKey(), TaskKind.of(stage));
    }
}
