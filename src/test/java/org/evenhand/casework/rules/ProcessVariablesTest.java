package org.evenhand.casework.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evenhand.casework.ProcessConfig;
import org.evenhand.testing.Bpmn;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A complaint's process starts with every time limit its timers read, each from its own setting. */
@Tag("fast")
class ProcessVariablesTest {

    static final ProcessConfig CONFIG = new ProcessConfig() {
        public String responseWindow() {
            return "P14D";
        }

        public String commentWindow() {
            return "P8D";
        }

        public String appealWindow() {
            return "P21D";
        }

        public String suspensionReview() {
            return "P28D";
        }

        public String suspensionMax() {
            return "P3M";
        }

        public Reminders reminders() {
            return new Reminders() {
                public String party() {
                    return "P3D";
                }

                public String handler() {
                    return "PT36H";
                }
            };
        }

        public Targets targets() {
            return new Targets() {
                public String triage() {
                    return "P7D";
                }

                public String investigation() {
                    return "P28D";
                }

                public String panel() {
                    return "P15D";
                }

                public String appeal() {
                    return "P29D";
                }
            };
        }
    };

    @Test
    void eachLimitFromItsSetting() {
        Map<String, Object> expected = new java.util.HashMap<>(Map.of("responseWindow", "P14D", "commentWindow", "P8D",
                "appealWindow", "P21D", "targetTriage", "P7D", "targetInvestigation", "P28D", "targetPanel", "P15D",
                "targetAppeal", "P29D"));
        // reminders: parties 3 days before their windows close, handlers 36 hours before a target
        expected.putAll(Map.of("remindResponseWindow", "P11D", "remindCommentWindow", "P5D", "remindAppealWindow", "P18D",
                "remindTargetTriage", "PT132H", "remindTargetInvestigation", "PT636H", "remindTargetPanel", "PT324H",
                "remindTargetAppeal", "PT660H"));
        assertEquals(expected, Deadlines.processVariables(CONFIG));
    }

    @Test
    void everyTimerOfTheComplaintReadsAVariableItIsStartedWith() {
        Map<String, Object> vars = Deadlines.processVariables(CONFIG);
        Pattern variable = Pattern.compile("\\$\\{(\\w+)\\}");
        int timers = 0;
        for (var b : Bpmn.elements("boundaryEvent")) {
            String timer = Bpmn.timer(b);
            if (timer == null || !isInComplaint(b)) {
                continue;
            }
            Matcher m = variable.matcher(timer);
            assertTrue(m.matches(), timer);
            assertTrue(vars.containsKey(m.group(1)), m.group(1) + " is read by " + b.getAttribute("id"));
            timers++;
        }
        assertEquals(14, timers, "the complaint's timers: four targets and three windows, and a reminder before each");
    }

    /**
     * Each stage of the complaint (every party's window, every staff task with a target) has one
     * non-interrupting reminder timer, which reads the reminder computed from its stage's own window
     * or target (decision 0035).
     */
    @Test
    void everyStageHasAReminderReadingItsOwnLimit() {
        Map<String, String> found = new java.util.TreeMap<>();
        for (var b : Bpmn.elements("boundaryEvent")) {
            String timer = Bpmn.timer(b);
            if (timer == null || !isInComplaint(b) || !timer.startsWith("${remind")) {
                continue;
            }
            assertEquals("false", b.getAttribute("cancelActivity"), "a reminder leaves its stage as it is");
            org.evenhand.casework.TaskKind stage = org.evenhand.casework.TaskKind.of(b.getAttribute("attachedToRef"));
            String limit = stage.window().map(org.evenhand.casework.TaskKind.Window::variable)
                    .orElseGet(() -> stage.targetVariable().orElseThrow());
            assertEquals("${" + Reminders.variable(limit) + "}", timer, stage + " is reminded before its own limit");
            found.put(stage.id(), timer);
        }
        assertEquals(org.evenhand.casework.TaskKind.stages().stream().map(org.evenhand.casework.TaskKind::id)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)), found.keySet());
    }

    static boolean isInComplaint(org.w3c.dom.Node n) {
        for (org.w3c.dom.Node p = n.getParentNode(); p != null; p = p.getParentNode()) {
            if (p instanceof org.w3c.dom.Element e && "process".equals(e.getLocalName())) {
                return "complaint".equals(e.getAttribute("id"));
            }
        }
        return false;
    }
}
