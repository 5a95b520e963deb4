package org.evenhand.workflow.steps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Date;
import org.evenhand.casework.rules.Reminders;
import org.evenhand.common.TimeSource;

/**
 * Read by the reminder timers of the complaint (${reminders.at(window, lead)}): when the reminder
 * for a window or stage target entered now goes, by the rule in {@link Reminders}.
 */
@ApplicationScoped
@Named("reminders")
public class ReminderTimes {

    @Inject
    TimeSource time;

    public Date at(String window, String lead) {
        return Date.from(Reminders.remindAt(time.now(), window, lead));
    }
}
