package org.evenhand.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.evenhand.casework.TaskKind;
import org.evenhand.common.CachedReading;

/**
 * The application's gauges for Prometheus ({@code /q/metrics} on the management port, decision
 * 0032): the backlogs behind the outbox, the process starter and the trail chainer, the trail's
 * distance from its latest anchor, and open cases by stage. Every gauge reads the same
 * {@link Backlogs}, read from the database at most once per {@code evenhand.operations.gauges.refresh}
 * and only when scraped. The engine's jobs are counted in workflow.EngineGauges.
 */
@ApplicationScoped
public class OperationsGauges {

    static final String CASES_OPEN = "evenhand.cases.open";

    @Inject
    MeterRegistry registry;
    @Inject
    BacklogQueries queries;
    @ConfigProperty(name = "evenhand.operations.gauges.refresh", defaultValue = "15s")
    Duration refresh;

    private CachedReading<Backlogs> backlogs;
    private final Set<String> stages = ConcurrentHashMap.newKeySet();

    void register(@Observes StartupEvent event) {
        backlogs = new CachedReading<>("operations gauges", refresh, this::read);
        gauge("evenhand.outbox.pending", "letters in the outbox not sent yet", null, Backlogs::outboxPending);
        gauge("evenhand.outbox.oldest.age", "how long the oldest unsent letter has waited", "seconds",
                Backlogs::outboxOldestSeconds);
        gauge("evenhand.starter.backlog", "complaints received whose process has not started yet", null,
                Backlogs::starterBacklog);
        gauge("evenhand.starter.retrying", "received complaints whose process failed to start and waits for a retry",
                null, Backlogs::starterRetrying);
        gauge("evenhand.starter.oldest.age", "how long the oldest complaint not started has waited", "seconds",
                Backlogs::starterOldestSeconds);
        gauge("evenhand.trail.unchained", "actions recorded but not chained into the trail yet", null,
                Backlogs::trailUnchained);
        gauge("evenhand.trail.unchained.oldest.age", "how long the oldest unchained action has waited", "seconds",
                Backlogs::trailUnchainedOldestSeconds);
        gauge("evenhand.trail.unanchored", "trail entries after the latest anchor", null, Backlogs::trailUnanchored);
        gauge("evenhand.trail.anchor.age", "time since the latest trail anchor was exported", "seconds",
                Backlogs::anchorAgeSeconds);
        // every stage from the start (a dashboard shows a stage at 0), and any other the database names when read
        stage(Backlogs.RECEIVED);
        stage(Backlogs.STARTING);
        TaskKind.stages().forEach(k -> stage(k.id()));
    }

    private Backlogs read() {
        Backlogs b = queries.read();
        b.openCasesByStage().keySet().forEach(this::stage);
        return b;
    }

    private void stage(String stage) {
        if (stages.add(stage)) {
            Gauge.builder(CASES_OPEN, () -> {
                Backlogs b = backlogs.get();
                return b == null ? null : b.openCasesByStage().getOrDefault(stage, 0L);
            }).description("open cases in each stage").tag("stage", stage).strongReference(true).register(registry);
        }
    }

    private void gauge(String name, String description, String unit, ToDoubleFunction<Backlogs> value) {
        Gauge.builder(name, () -> {
            Backlogs b = backlogs.get();
            return b == null ? null : value.applyAsDouble(b);
        }).description(description).baseUnit(unit).strongReference(true).register(registry);
    }
}
