package org.evenhand.operations;

import java.util.Map;

/**
 * What the operations gauges show, read together: the work waiting behind each background worker,
 * and how many open cases are in each stage. Ages are seconds (0 when nothing waits).
 *
 * @param outboxPending letters in the outbox not sent yet (notification.Outbox)
 * @param outboxOldestSeconds how long the oldest of them has waited
 * @param starterBacklog complaints received whose process has not started (casework.ProcessStarter)
 * @param starterRetrying of those, how many failed to start at least once and wait for a retry
 * @param starterOldestSeconds how long the oldest of them has waited
 * @param trailUnchained actions recorded in the trail inbox but not chained yet (trail.TrailChainer)
 * @param trailUnchainedOldestSeconds how long the oldest of them has waited
 * @param trailUnanchored chained trail entries after the latest anchor (trail.TrailAnchors)
 * @param anchorAgeSeconds how long ago the latest anchor was exported (0 when there is none)
 * @param openCasesByStage open cases by stage: a process stage's BPMN id, {@code received} for a complaint
 *        whose process has not started, {@code starting} for an open case before its first stage
 */
record Backlogs(long outboxPending, double outboxOldestSeconds, long starterBacklog, long starterRetrying,
        double starterOldestSeconds, long trailUnchained, double trailUnchainedOldestSeconds, long trailUnanchored,
        double anchorAgeSeconds, Map<String, Long> openCasesByStage) {

    static final String RECEIVED = "received";
    static final String STARTING = "starting";
}
