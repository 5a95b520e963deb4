package org.evenhand.workflow.steps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.evenhand.casework.TaskKind;

/**
 * Gives each of the three panel tasks to its own seat: instance n of the multi-instance task
 * goes to the n-th member drawn (the task kind's bench variable, set when the panel was drawn).
 */
@ApplicationScoped
@Named("seatPanelMember")
public class SeatPanelMember implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        String bench = TaskKind.of(task.getTaskDefinitionKey()).benchVariable().orElseThrow();
        String[] seats = ((String) task.getVariable(bench)).split(",");
        int seat = (Integer) task.getVariable("loopCounter");
        task.setAssignee(seats[seat]);
    }
}
