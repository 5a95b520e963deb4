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

    public EngineConfiguration() {
        // the history Evenhand keeps (decision 0045), chosen by name in quarkus.camunda.generic-config.history
        setCustomHistoryLevels(new java.util.ArrayList<>(java.util.List.of(CaseHistoryLevel.INSTANCE)));
    }

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
                storeHistoryLevel(lock);
                withoutCdiEventBridge();
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

    /**
     * The Quarkus extension adds a parse listener to every activity, transition and task of every process that fires
     * a CDI event for each as it runs (Camunda's CDI event bridge). Nothing in Evenhand observes those events; each
     * costs an observer resolution, and a process start fires dozens (9% of the starter's CPU under load). What a
     * case goes through is recorded by the steps themselves (timeline, trail, stage visits).
     */
    private void withoutCdiEventBridge() {
        if (getCustomPostBPMNParseListeners() != null) {
            getCustomPostBPMNParseListeners().removeIf(
                    l -> l instanceof org.camunda.bpm.engine.cdi.impl.event.CdiEventSupportBpmnParseListener);
        }
    }

    /**
     * The engine refuses to start on a database that recorded another history level than the one
     * configured; a database made before decision 0045 recorded "full". The level is the
     * configuration's to choose, so the recorded one is brought to it first (a database without the
     * engine's tables yet is left to the engine, which records the configured level itself).
     */
    private void storeHistoryLevel(Connection db) throws SQLException {
        Integer id = configuredHistoryLevelId();
        if (id == null) {
            return;
        }
        try (Statement st = db.createStatement();
                java.sql.ResultSet rs = st.executeQuery("SELECT to_regclass('act_ge_property') IS NOT NULL")) {
            if (!rs.next() || !rs.getBoolean(1)) {
                return;
            }
        }
        try (java.sql.PreparedStatement ps = db.prepareStatement("UPDATE act_ge_property SET value_ = ?, rev_ = rev_ + 1"
                + " WHERE name_ = 'historyLevel' AND value_ <> ?")) {
            ps.setString(1, id.toString());
            ps.setString(2, id.toString());
            if (ps.executeUpdate() > 0) {
                org.jboss.logging.Logger.getLogger(EngineConfiguration.class).infof(
                        "engine history level recorded in the database changed to %s", getHistory());
            }
        }
    }

    /** The id of the configured history level, or null for "auto" (the engine then follows the database). */
    Integer configuredHistoryLevelId() {
        String name = getHistory();
        if (name == null || HISTORY_AUTO.equalsIgnoreCase(name)) {
            return null;
        }
        java.util.List<org.camunda.bpm.engine.impl.history.HistoryLevel> levels = new java.util.ArrayList<>(java.util.List.of(
                org.camunda.bpm.engine.impl.history.HistoryLevel.HISTORY_LEVEL_NONE,
                org.camunda.bpm.engine.impl.history.HistoryLevel.HISTORY_LEVEL_ACTIVITY,
                org.camunda.bpm.engine.impl.history.HistoryLevel.HISTORY_LEVEL_AUDIT,
                org.camunda.bpm.engine.impl.history.HistoryLevel.HISTORY_LEVEL_FULL));
        if (getCustomHistoryLevels() != null) {
            levels.addAll(getCustomHistoryLevels());
        }
        return levels.stream().filter(l -> l.getName().equalsIgnoreCase(name)).map(l -> l.getId()).findFirst().orElse(null);
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
