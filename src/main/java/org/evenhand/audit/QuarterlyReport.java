package org.evenhand.audit;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Makes and keeps the fairness report for the quarter just ended (evenhand.audit.quarterly-cron). */
@ApplicationScoped
public class QuarterlyReport {

    private static final Logger LOG = Logger.getLogger(QuarterlyReport.class);

    @Inject
    FairnessReportService reports;

    @Scheduled(identity = "quarterly-fairness-report", cron = "{evenhand.audit.quarterly-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        reports.quarterly().ifPresentOrElse(
                r -> LOG.infof("Quarterly fairness report %d kept for %s to %s", r.id, r.periodFrom, r.periodTo),
                () -> LOG.debug("Quarterly fairness report already kept"));
    }
}
