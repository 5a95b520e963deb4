package org.evenhand.casework;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Time limits of the process, as ISO-8601 durations (P14D, PT12H). They are copied into each
 * case's process when it starts, so a change applies to new cases only.
 */
@ConfigMapping(prefix = "evenhand.process")
public interface ProcessConfig {

    /** How long the respondent has to answer the allegation. */
    @WithDefault("P14D")
    String responseWindow();

    /** How long both parties have to comment on the investigation report before the panel is drawn (decision 0030). */
    @WithDefault("P7D")
    String commentWindow();

    /** How long either party has to appeal after the decision. */
    @WithDefault("P21D")
    String appealWindow();

    /** When an interim suspension is reviewed; it lapses then unless renewed. */
    @WithDefault("P28D")
    String suspensionReview();

    /** The longest an interim suspension may run in all, renewals included; it lapses then (decision 0026). */
    @WithDefault("P3M")
    String suspensionMax();

    Targets targets();

    /** How long before a window closes or a target passes its reminder goes (decision 0035). */
    Reminders reminders();

    /** Reminder leads, as ISO-8601 durations. */
    interface Reminders {
        /** Before a party's response, comment or appeal window closes: the party is written to. */
        @WithDefault("P3D")
        String party();

        /** Before a staff task's stage target: its handler (or those offered it) is reminded. */
        @WithDefault("P2D")
        String handler();
    }

    /** Target duration per stage; passing one raises an escalation task. */
    interface Targets {
        @WithDefault("P7D")
        String triage();

        @WithDefault("P28D")
        String investigation();

        @WithDefault("P14D")
        String panel();

        @WithDefault("P28D")
        String appeal();
    }
}
