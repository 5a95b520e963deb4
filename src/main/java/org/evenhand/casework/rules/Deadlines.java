package org.evenhand.casework.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.evenhand.casework.ProcessConfig;
import org.evenhand.casework.TaskKind;
import org.evenhand.common.Durations;

/**
 * Deadline arithmetic: when a window or a stage's target ends (ISO-8601: P14D counts calendar
 * days in the organisation's time zone, PT36H counts hours), what a case's process is started
 * with, and when a case whose process failed to start is tried again.
 */
public final class Deadlines {

    /** The longest wait between attempts to start a case's process, in pauses. */
    static final long MAX_BACKOFF = 60;

    private Deadlines() {
    }

    /** When a window or target of this length, opened at {@code from}, ends. */
    public static Instant due(Instant from, String iso) {
        return Durations.after(from, iso);
    }

    /** The time limits a complaint's process starts with: the parties' windows, each stage's target, and when each stage's reminder goes. */
    public static Map<String, Object> processVariables(ProcessConfig config) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put(TaskKind.AWAIT_RESPONSE.window().orElseThrow().variable(), config.responseWindow());
        vars.put(TaskKind.COMMENT_WINDOW.window().orElseThrow().variable(), config.commentWindow());
        vars.put(TaskKind.APPEAL_WINDOW.window().orElseThrow().variable(), config.appealWindow());
        vars.put(TaskKind.TRIAGE.targetVariable().orElseThrow(), config.targets().triage());
        vars.put(TaskKind.INVESTIGATE.targetVariable().orElseThrow(), config.targets().investigation());
        vars.put(TaskKind.PANEL_DECISION.targetVariable().orElseThrow(), config.targets().panel());
        vars.put(TaskKind.HEAR_APPEAL.targetVariable().orElseThrow(), config.targets().appeal());
        // each stage's reminder: how long after it opens, a party's or a handler's lead before it ends (decision 0035)
        for (TaskKind k : TaskKind.stages()) {
            String limit = k.window().map(TaskKind.Window::variable).orElseGet(() -> k.targetVariable().orElseThrow());
            vars.put(Reminders.variable(limit), Reminders.after((String) vars.get(limit),
                    k.isTask() ? config.reminders().handler() : config.reminders().party()));
        }
        return vars;
    }

    /** After a failed start: the pause doubles with each attempt (1, 2, 4 ... 32 pauses), capped at 60. */
    public static Instant retryAfter(Instant now, Duration pause, int attempts) {
        long factor = Math.min(MAX_BACKOFF, 1L << Math.min(Math.max(attempts, 0), 6));
        return now.plus(pause.multipliedBy(factor));
    }
}
