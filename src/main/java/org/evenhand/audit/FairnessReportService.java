package org.evenhand.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evenhand.audit.FairnessQueries.Filter;
import org.evenhand.audit.stats.Rules;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.definition.DefinitionCatalog;
import org.evenhand.definition.DefinitionVersion;
import org.evenhand.trail.ActionTrail;

/** Makes fairness reports, keeps them, and records each on the action trail. */
@ApplicationScoped
public class FairnessReportService {

    /** Serialises the quarterly job across instances. */
    private static final long QUARTERLY_LOCK = 0x415544495451L;

    @Inject
    FairnessQueries queries;
    @Inject
    DefinitionCatalog catalog;
    @Inject
    AuditConfig config;
    @Inject
    FactionLists lists;
    @Inject
    TimeSource time;
    @Inject
    ActionTrail trail;
    @Inject
    ObjectMapper json;
    @Inject
    EntityManager em;
    @Inject
    org.evenhand.casework.InterferenceRecords interference;

    public record Made(FairnessReport report, long queryMillis, long totalMillis, Map<String, Long> queryTimings) {
    }

    /** Makes a report; the trail records who asked for which period and the hash of the data used. */
    @Transactional
    public Made generate(Period period, Filter filter, String actor, String purpose) {
        long t0 = System.nanoTime();
        Instant now = time.now().truncatedTo(ChronoUnit.MILLIS);
        List<DefinitionVersion> versions = catalog.versions();
        Map<String, DefinitionVersion> byId = new LinkedHashMap<>();
        versions.forEach(v -> byId.put(v.id(), v));
        List<String> sanctions = versions.stream().flatMap(v -> v.sanctions().stream())
                .sorted(Comparator.comparingInt(DefinitionVersion.Sanction::rung)
                        .thenComparing(DefinitionVersion.Sanction::id))
                .map(DefinitionVersion.Sanction::id).distinct().toList();
        // Suspensions still in force are measured to the start of today (UK), so reports made the same
        // day over unchanged data are identical, hash included.
        Instant lengthsTo = time.today().atStartOfDay(TimeSource.ZONE).toInstant();
        List<String> severe = versions.stream().flatMap(v -> v.sanctions().stream()).filter(x -> x.rung() >= 3)
                .map(DefinitionVersion.Sanction::id).distinct().toList();
        FairnessQueries.Data data = queries.read(period, filter, sanctions, severe, config.counterWindowDays(),
                config.conductWindowDays(), config.workMem(), lengthsTo);
        Rules rules = new Rules(config.bandLower(), config.bandUpper(), config.confidence(), config.minimumGroupSize());
        FairnessAnalysis.Settings settings = new FairnessAnalysis.Settings(period, filter,
                config.suppressionThreshold(), rules, config.counterWindowDays(), config.conductWindowDays(),
                lists.allKeys(), config.protectedCharacteristicClauses(), lengthsTo);
        FairnessReport report = new FairnessAnalysis(data, settings, byId).build(now, actor)
                .withInterference(InterferenceSection.of(interference.countByPeriod(period.start(),
                        period.endExclusive()), config.suppressionThreshold(), filter.any()));
        trail.record(actor, "audit-report-generated", null, purpose + ": fairness report for " + period
                + (filter.region() == null ? "" : ", region " + filter.region())
                + (filter.clp() == null ? "" : ", CLP " + filter.clp()) + "; data SHA-256 " + data.sha256());
        return new Made(report, data.millis(), (System.nanoTime() - t0) / 1_000_000, data.timings());
    }

    /** Makes and keeps a report. */
    @Transactional
    public AuditReport keep(String kind, Period period, String actor) {
        FairnessReport r = generate(period, new Filter(null, null), actor, "kept (" + kind + ")").report();
        AuditReport a = new AuditReport();
        a.kind = kind;
        a.periodFrom = period.from();
        a.periodTo = period.to();
        a.generatedAt = r.generatedAt();
        a.generatedBy = actor;
        a.dataSha256 = r.dataSha256();
        try {
            a.parameters = json.writeValueAsString(r.parameters());
            a.report = json.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        a.persist();
        trail.record(actor, "audit-report-kept", null, kind + " fairness report " + a.id + " for " + period);
        return a;
    }

    /**
     * The quarterly report: makes and keeps the report for the last complete quarter, unless it is
     * already kept. Safe to run on several instances at once.
     */
    @Transactional
    public Optional<AuditReport> quarterly() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(" + QUARTERLY_LOCK + ")").getSingleResult();
        Period q = Period.lastCompleteQuarter(time.today());
        if (AuditReport.count("kind = ?1 and periodFrom = ?2 and periodTo = ?3", AuditReport.QUARTERLY, q.from(),
                q.to()) > 0) {
            return Optional.empty();
        }
        return Optional.of(keep(AuditReport.QUARTERLY, q, "system"));
    }

    @Transactional
    public List<AuditReport> kept() {
        return AuditReport.list("order by generatedAt desc, id desc");
    }

    /**
     * Approves a kept quarterly report for publication (once; publishing it again changes
     * nothing). 404 if there is no such report, 409 if it is not a quarterly report.
     */
    @Transactional
    public AuditReport publish(long id, String actor) {
        AuditReport a = AuditReport.findById(id);
        if (a == null) {
            throw ProblemException.notFound("report " + id);
        }
        if (!AuditReport.QUARTERLY.equals(a.kind)) {
            throw ProblemException.conflict("only quarterly reports are published; report " + id + " was kept on"
                    + " request");
        }
        if (a.publishedAt == null) {
            a.publishedAt = time.now().truncatedTo(ChronoUnit.MILLIS);
            a.publishedBy = actor;
            trail.record(actor, "audit-report-published", null, "quarterly fairness report " + id + " for "
                    + a.periodFrom + " to " + a.periodTo + " approved for publication; data SHA-256 " + a.dataSha256);
        }
        return a;
    }

    @Transactional
    public List<AuditReport> published() {
        return AuditReport.list("publishedAt is not null order by periodFrom desc, id desc");
    }

    /** A published report, for anyone. */
    @Transactional
    public Optional<FairnessReport> published(long id) {
        AuditReport a = AuditReport.findById(id);
        if (a == null || a.publishedAt == null) {
            return Optional.empty();
        }
        return Optional.of(read(a));
    }

    private FairnessReport read(AuditReport a) {
        try {
            return json.readValue(a.report, FairnessReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("kept report " + a.id + " does not read back", e);
        }
    }

    @Transactional
    public Optional<FairnessReport> kept(long id, String actor, String format) {
        AuditReport a = AuditReport.findById(id);
        if (a == null) {
            return Optional.empty();
        }
        trail.record(actor, "audit-report-exported", null, "kept fairness report " + id + " as " + format);
        try {
            return Optional.of(json.readValue(a.report, FairnessReport.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("kept report " + id + " does not read back", e);
        }
    }
}
