package org.evenhand.casework;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The process contract, typed: every element of workflows/*.bpmn that the code names, by its
 * BPMN id. A staff task (a BPMN user task) carries the payload record that completes it and its
 * title in the queue; a party's wait (a receive task) carries the deadline a party has in it. A
 * stage of the complaint carries the words the parties and staff read for it, the variable
 * holding its target (its overdue timer and the task's due date) and the escalation step that
 * fires when the target passes. These ids are written here and in the BPMN files only
 * (TaskKindContractTest holds that); adding a task kind means the BPMN file, one entry here and
 * its handler in TaskService.
 */
public enum TaskKind {

    TRIAGE("triage", Payloads.Triage.class, "Triage", "Triage",
            "A caseworker is checking whether the complaint engages the definition of abuse.", "Triage target",
            "targetTriage", null, "escalateTriage", "triage"),
    AWAIT_RESPONSE("awaitResponse", null, null, "Respondent's response",
            "The respondent has been told of the allegation and may respond.", "Response due", null,
            new Window("responseWindow", "Response window closed"), null, null),
    INVESTIGATE("investigate", Payloads.Investigation.class, "Investigate", "Investigation",
            "An investigator is establishing the facts.", "Investigation target", "targetInvestigation", null,
            "escalateInvestigation", "investigation"),
    COMMENT_WINDOW("commentWindow", null, null, "Comments on the report",
            "Both parties have the investigation report and may each comment on it once; the comments go to the panel.",
            "Comments on the report close", null, new Window("commentWindow", "Comment window closes"), null, null),
    PANEL_DECISION("panelDecision", Payloads.Vote.class, "Decide the case (panel)", "Panel decision",
            "A panel of three is deciding the case.", "Panel decision target", "targetPanel", null, "escalatePanel",
            "panel decision"),
    APPEAL_WINDOW("appealWindow", null, null, "Appeal window", "The decision has been sent; either party may appeal.",
            "Appeal window closes", null, new Window("appealWindow", "No appeal in time"), null, null),
    HEAR_APPEAL("hearAppeal", Payloads.AppealVote.class, "Hear the appeal (panel)", "Appeal hearing",
            "A new panel of three is hearing the appeal.", "Appeal hearing target", "targetAppeal", null,
            "escalateAppeal", "appeal hearing"),
    REVIEW_SUSPENSION("reviewSuspension", Payloads.SuspensionReview.class, "Review an interim suspension", null, null,
            "Interim suspension review", null, null, null, null),
    RESOLVE_ESCALATION("resolveEscalation", Payloads.Escalation.class, "Deal with an overdue stage", null, null, null,
            null, null, null, null);

    /** A party's deadline in a wait: the process variable holding its length, and its timer's name in the BPMN. */
    public record Window(String variable, String timerName) {
    }

    private final String id;
    private final Class<? extends Record> payload;
    private final String title;
    private final String stageLabel;
    private final String stageExplanation;
    private final String deadlineLabel;
    private final String targetVariable;
    private final Window window;
    private final String escalationStep;
    private final String overdueName;

    TaskKind(String id, Class<? extends Record> payload, String title, String stageLabel, String stageExplanation,
            String deadlineLabel, String targetVariable, Window window, String escalationStep, String overdueName) {
        this.id = id;
        this.payload = payload;
        this.title = title;
        this.stageLabel = stageLabel;
        this.stageExplanation = stageExplanation;
        this.deadlineLabel = deadlineLabel;
        this.targetVariable = targetVariable;
        this.window = window;
        this.escalationStep = escalationStep;
        this.overdueName = overdueName;
    }

    /** The BPMN element id. */
    public String id() {
        return id;
    }

    /** Whether this is a staff task (a BPMN user task) rather than a party's wait (a receive task). */
    public boolean isTask() {
        return payload != null;
    }

    /** The record a task is completed with; empty for a party's wait. */
    public Optional<Class<? extends Record>> payload() {
        return Optional.ofNullable(payload);
    }

    /** The task's title in a handler's queue (null for a party's wait). */
    public String title() {
        return title;
    }

    /** Whether this element is a stage of the complaint that parties and staff see named. */
    public boolean isStage() {
        return stageLabel != null;
    }

    public String stageLabel() {
        return stageLabel;
    }

    public String stageExplanation() {
        return stageExplanation;
    }

    /** What a timer pending on this element means to the reader ("Response due"); null if none is shown. */
    public String deadlineLabel() {
        return deadlineLabel;
    }

    /** The process variable holding this stage's target (ISO-8601), if it has one. */
    public Optional<String> targetVariable() {
        return Optional.ofNullable(targetVariable);
    }

    /** The party's deadline in this wait, if it is one. */
    public Optional<Window> window() {
        return Optional.ofNullable(window);
    }

    /** The service task that raises an escalation when this stage's target passes. */
    public Optional<String> escalationStep() {
        return Optional.ofNullable(escalationStep);
    }

    /** The stage's name in an escalation ("panel decision"). */
    public String overdueName() {
        return overdueName;
    }

    /** Whether the panel's members each get one instance of this task, and which bench sits on it. */
    public Optional<String> bench() {
        return this == PANEL_DECISION ? Optional.of(PanelSeat.DECISION)
                : this == HEAR_APPEAL ? Optional.of(PanelSeat.APPEAL) : Optional.empty();
    }

    /** The process variable naming the seated members, in seat order, for a panel task. */
    public Optional<String> benchVariable() {
        return bench().map(b -> b + "Bench");
    }

    public boolean is(String elementId) {
        return id.equals(elementId);
    }

    public static Optional<TaskKind> find(String elementId) {
        return Arrays.stream(values()).filter(k -> k.id.equals(elementId)).findFirst();
    }

    public static TaskKind of(String elementId) {
        return find(elementId).orElseThrow(() -> new IllegalArgumentException("no task kind " + elementId));
    }

    public static Optional<TaskKind> byEscalationStep(String stepId) {
        return Arrays.stream(values()).filter(k -> stepId.equals(k.escalationStep)).findFirst();
    }

    /** The complaint's stages in the order they come. */
    public static List<TaskKind> stages() {
        return Arrays.stream(values()).filter(TaskKind::isStage).toList();
    }
}
