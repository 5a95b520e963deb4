package org.evenhand.workflow;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.camunda.bpm.engine.ManagementService;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.evenhand.common.CachedReading;

/**
 * The engine's jobs as gauges (decision 0032): jobs due now (timers whose time has come and
 * continuations waiting for the job executor) and jobs that failed every retry (each an incident
 * someone must look at). Counted by the engine's own queries, at most once per refresh interval.
 */
@ApplicationScoped
public class EngineGauges {

    @Inject
    MeterRegistry registry;
    @Inject
    ManagementService management;
    @ConfigProperty(name = "evenhand.operations.gauges.refresh", defaultValue = "15s")
    Duration refresh;

    private CachedReading<long[]> jobs;

    void register(@Observes StartupEvent event) {
        jobs = new CachedReading<>("engine job gauges", refresh, () -> new long[] {
                management.createJobQuery().executable().count(),
                management.createJobQuery().noRetriesLeft().count() });
        gauge("evenhand.engine.jobs.due", "engine jobs due now and waiting for the job executor", 0);
        gauge("evenhand.engine.jobs.failed", "engine jobs that failed every retry (incidents)", 1);
    }

    private void gauge(String name, String description, int index) {
        Gauge.builder(name, () -> {
            long[] counts = jobs.get();
            return counts == null ? null : counts[index];
        }).description(description).strongReference(true).register(registry);
    }
}
