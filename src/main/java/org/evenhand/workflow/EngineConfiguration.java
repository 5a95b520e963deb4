package org.evenhand.workflow;

import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.quarkus.engine.extension.QuarkusProcessEngineConfiguration;

/**
 * The process engine's configuration (the Quarkus extension uses a bean of this type when there is
 * one). Evenhand runs BPMN only: with CMMN and DMN off (application.properties), the engine's
 * MyBatis mappings for case and decision tables are left out of the mapping file it parses at every
 * boot, which is most of the engine's start-up work (docs/performance.md, "Boot"). The file is the
 * engine's own, filtered as it is read, so an engine upgrade brings its mappings with it.
 *
 * <p>The job executor is started here, after start-up, rather than by the engine as it is built; and
 * the engine is built under a database lock, one node at a time.
 */
@Singleton
public class EngineConfiguration extends QuarkusProcessEngineConfiguration {

    /**
     * Starts the job executor (timers, escalations) once the application has started, so no job runs
     * before the schema migrations have (the engine itself may be built before them).
     */
    void startJobs(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent event,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "evenhand.engine.job-executor",
                    defaultValue = "true") boolean jobs) {
        if (jobs && getJobExecutor() != null && !getJobExecutor().isActive()) {
            getJobExecutor().start();
        }
    }

    /** The advisory lock under which a node builds its engine ("EVNHENG"). */
    static final long ENGINE_BUILD_LOCK = 0x45564e48454e47L;

    /**
     * Builds the engine under a PostgreSQL advisory lock, so that nodes started at once on an empty
     * database create the engine's tables one after another: the engine checks for its tables and then
     * creates them, and two nodes doing both at once collide (one fails with a duplicate table and
     * exits). The lock is held on a connection of its own, for the build only (decision 0042).
     */
    @Override
    public ProcessEngine buildProcessEngine() {
        try (Connection lock = getDataSource().getConnection()) {
            try (Statement st = lock.createStatement()) {
                st.execute("SET lock_timeout = '5min'");
                st.execute("SELECT pg_advisory_lock(" + ENGINE_BUILD_LOCK + ")");
            }
            try {
                return super.buildProcessEngine();
            } finally {
                try (Statement st = lock.createStatement()) {
                    st.execute("SELECT pg_advisory_unlock(" + ENGINE_BUILD_LOCK + ")");
                    st.execute("RESET lock_timeout");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not take or release the engine build lock", e);
        }
    }

    /** Mapper files of the case (CMMN) and decision (DMN) engines. */
    static final Pattern UNUSED = Pattern.compile(
            "\\s*<mapper resource=\"org/camunda/bpm/engine/impl/mapping/entity/"
                    + "(Case[A-Za-z]*|HistoricCase[A-Za-z]*|Decision[A-Za-z]*|HistoricDecision[A-Za-z]*)\\.xml\"\\s*/>");

    @Override
    protected InputStream getMyBatisXmlConfigurationSteam() {
        if (isCmmnEnabled() || isDmnEnabled()) {
            return super.getMyBatisXmlConfigurationSteam();
        }
        try (InputStream in = super.getMyBatisXmlConfigurationSteam()) {
            String mappings = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new ByteArrayInputStream(UNUSED.matcher(mappings).replaceAll("").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
