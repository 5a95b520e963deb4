package org.evenhand.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.evenhand.common.TimeSource;

@ApplicationScoped
public class EngineTimeSource implements TimeSource {

    @Override
    public Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
