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
        assertEquals(Map.of("responseWindow", "P14D", "commentWindow", "P8D", "appealWindow", "P21D", "targetTriage", "P7D",
                "targetInvestigation", "P28D", "targetPanel", "P15D", "targetAppeal", "P29D"),
                Deadlines.processVariables(CONFIG));
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
        assertEquals(7, timers, "the complaint's timers: four targets and three windows");
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
