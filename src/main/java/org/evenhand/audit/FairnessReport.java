package org.evenhand.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.evenhand.audit.stats.Comparison;
import org.evenhand.audit.stats.Independence;
import org.evenhand.audit.stats.Verdict;

/**
 * The fairness report, as published (JSON; CSV and PDF are renderings of it). Every count is a
 * {@link Count}: a value, or a mark that it is suppressed. Rates and statistics that would
 * reveal a suppressed count are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FairnessReport(String title, Parameters parameters, Instant generatedAt, String generatedBy,
        List<DefinitionVersionRef> definitionVersions, String dataSha256, Count casesAnalysed,
        List<String> findings, List<Population> population, List<RoleSection> roles, Provocation provocation,
        HandlingTime handlingTime, Disclosure disclosure, List<String> method, Interference interference,
        Confidence confidence) {

    /** The same report with the period's recorded contacts about cases beside it. */
    public FairnessReport withInterference(Interference i) {
        return new FairnessReport(title, parameters, generatedAt, generatedBy, definitionVersions, dataSha256,
                casesAnalysed, findings, population, roles, provocation, handlingTime, disclosure, method, i,
                confidence);
    }

    public static final String UNDECLARED = "undeclared";
    public static final String PREFER_NOT_TO_SAY = "prefer-not-to-say";
    public static final String ALL = "all";

    /** A count, or that it is suppressed ("primary": under the threshold; "secondary": would reveal one that is). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Count(Long value, String suppressed) {
        public static Count of(long v) {
            return new Count(v, null);
        }

        public boolean published() {
            return value != null;
        }
    }

    public record Parameters(LocalDate from, LocalDate to, String timeZone, String region, String clp,
            int suppressionThreshold, int minimumGroupSize, double bandLower, double bandUpper, double confidence,
            int counterComplaintWindowDays, int conductWindowDays, List<String> factions,
            List<String> protectedCharacteristicClauses, Instant lengthsMeasuredTo) {
    }

    public record DefinitionVersionRef(String id, LocalDate effectiveFrom, String sha256, boolean inForceDuringPeriod) {
    }

    public record Population(String group, Count members) {
    }

    public record RoleSection(String role, String description, List<RateMetric> rates, List<TimeMetric> times,
            SanctionTable sanctions) {
    }

    /** A yes/no outcome per group: numerator over denominator, compared group by group with the rest. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RateMetric(String id, String label, String description, String numerator, String denominator,
            String stratifiedBy, List<GroupRate> groups, Independence acrossFactions) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GroupRate(String group, Count numerator, Count denominator, Double rate, Comparison comparison,
            Stratified byTier, Stratified byClause, List<StratumRate> tiers, List<ClauseStratum> clauses,
            Assessment assessment) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StratumRate(int tier, Count numerator, Count denominator, Double rate, Comparison comparison) {
    }

    /**
     * A stratum of the call (byClause): one clause within its tier, or, where clauses are too thin
     * to stand alone, the thin clauses of a tier together (pooled).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ClauseStratum(int tier, List<String> clauses, boolean pooled, Count numerator, Count denominator,
            Double rate, Comparison comparison) {
    }

    /**
     * The comparison within strata: Mantel-Haenszel risk ratio (the call), odds ratio, CMH and
     * Breslow-Day tests; basis says which strata (and which were taken together); pAdjusted is the
     * CMH p-value adjusted for the number of such comparisons in the report.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Stratified(Integer strata, Double riskRatio, Double ciLower, Double ciUpper, Double oddsRatio,
            Double orCiLower, Double orCiUpper, Double cmh, Double cmhPValue, Double breslowDay,
            Integer breslowDayDf, Double breslowDayPValue, Boolean heterogeneous, Verdict verdict, String reason,
            String basis, Double cmhPAdjusted) {
    }

    /** The overall call for a group on a metric, taking case mix into account, in plain words. */
    public record Assessment(Verdict verdict, String explanation) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TimeMetric(String id, String label, String description, List<GroupTime> groups) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GroupTime(String group, Count cases, Double median, Double p90, Double medianRatio,
            Double superiority, Double pValue, Verdict verdict, String reason) {
    }

    public record SanctionTable(List<String> sanctions, List<String> titles, List<SanctionRow> groups,
            Independence acrossFactions) {
    }

    public record SanctionRow(String group, Count decided, List<Count> counts) {
    }

    /** Provocation, reaction, accusation. */
    public record Provocation(String description, List<OpenerOutcome> firstMoversAndReactors,
            List<CounterOutcome> counterComplaints) {
    }

    /** Among decided complaints against this group's members: upheld when they opened the exchange vs when they were reacting. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OpenerOutcome(String group, Count firstMoverDecided, Count firstMoverUpheld, Double firstMoverRate,
            Count reactorDecided, Count reactorUpheld, Double reactorRate, Comparison reactorVsFirstMover) {
    }

    /**
     * By the complainant's faction: complaints made; how many were counter-complaints (answering a
     * complaint against the complainant) and how those fared; how many drew a counter-complaint
     * and how those fared.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CounterOutcome(String group, Count complaints, Count counterComplaints, Count countersDecided,
            Count countersUpheld, Double countersUpheldRate, Count drewCounter, Count drewCounterDecided,
            Count drewCounterUpheld, Double drewCounterUpheldRate) {
    }

    /**
     * Days to decision by clause, for the protected-characteristic clauses together, and by the
     * protected characteristic triage recorded (each against the other characteristics; with
     * their total, all).
     */
    public record HandlingTime(String description, List<ClauseTime> clauses, ClauseTime protectedCharacteristics,
            List<ClauseTime> byCharacteristic) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ClauseTime(String clause, String title, Integer tier, Count decided, Double median, Double p90,
            Double medianRatioToOthers, Double pValue, Verdict verdict, String reason) {
    }

    public record Disclosure(int threshold, long cells, long primary, long secondary, String rule) {
    }

    /**
     * Contacts about cases recorded by their handlers (the interference firewall) in the period,
     * by date of contact: how many, on how many cases, by the role of the person who made contact
     * and by channel. Small counts are suppressed as everywhere else.
     */
    public record Interference(String description, Count records, Count cases, Map<String, Count> byContactKind,
            Map<String, Count> byChannel) {
    }

    /**
     * Confidence in the process: the parties' answers to the survey (docs/fairness-audit.md), from the
     * whole quarters inside the period, for the whole party. quarters: those covered (none when the
     * period holds no whole quarter). Each role has the four questions; each question every group.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Confidence(String description, List<String> quarters, List<String> terms, List<ConfidenceRole> roles,
            Disclosure disclosure) {
    }

    public record ConfidenceRole(String role, String description, List<ConfidenceQuestion> questions) {
    }

    /** acrossFactions: whether the factions' shares agreeing differ at all (chi-squared over the factions). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConfidenceQuestion(String id, String label, List<ConfidenceGroup> groups, Independence acrossFactions) {
    }

    /**
     * One group's answers to one question: how many answered, how many agreed (4 or 5), the share
     * agreeing and the mean score (1-5; both withheld where a count is suppressed). For a faction,
     * compared with everyone else who answered: as it stands (comparison), and within outcome bands
     * (withinBands: the call, Mantel-Haenszel, adjusted for the number of such comparisons).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConfidenceGroup(String group, Count answers, Count agree, Double share, Double mean,
            Comparison comparison, Stratified withinBands) {
    }
}
