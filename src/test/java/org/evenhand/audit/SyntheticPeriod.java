package org.evenhand.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.evenhand.audit.FairnessQueries.ClauseSet;
import org.evenhand.audit.FairnessQueries.Data;
import org.evenhand.audit.FairnessQueries.Filter;
import org.evenhand.audit.FairnessQueries.Row;
import org.evenhand.audit.stats.Rules;
import org.evenhand.definition.DefinitionVersion;

/**
 * A period of complaints made in memory, in the shape FairnessQueries returns, for tests of the
 * analysis that need no database: the model of seeds/generator.sql (members declare factions with
 * its default weights; each complaint has a respondent and a complainant drawn from the members
 * and engages one clause of the generator's default list), with the upheld rate set per clause,
 * a faction's mix of clauses changeable, and a bias injected for one faction within one clause.
 */
final class SyntheticPeriod {

    /** The generator's default clauses, their tiers and weights. */
    static final String[] CLAUSES = { "violent-threat", "harassment", "intimidation", "hateful-language", "bullying",
            "doxxing", "sexual-harassment", "dehumanising-language", "false-allegation" };
    static final int[] TIERS = { 4, 3, 3, 3, 2, 4, 4, 3, 3 };
    static final double[] WEIGHTS = { 0.06, 0.18, 0.08, 0.14, 0.24, 0.05, 0.04, 0.13, 0.08 };
    static final String[] FACTIONS = { "left", "soft-left", "centre", "right" };
    static final double[] FACTION_WEIGHTS = { 0.25, 0.3, 0.3, 0.15 };
    static final Map<Integer, Double> PASS = Map.of(2, 0.55, 3, 0.65, 4, 0.8);

    long seed = 1;
    int members = 20_000;
    int cases = 6_000;
    double declared = 0.7;
    double preferNotToSay = 0.05;
    String[] factions = FACTIONS;
    double[] factionWeights = FACTION_WEIGHTS;
    /** Upheld probability per clause (the generator's per-tier default unless set). */
    final Map<String, Double> upheld = new LinkedHashMap<>();
    /** For respondents of mixFaction: the weights of the clauses of mixTier replaced by these (same tier share). */
    String mixFaction;
    final Map<String, Double> mixWeights = new LinkedHashMap<>();
    String biasFaction;
    /** For respondents of biasFaction: the upheld probability of these clauses multiplied by these factors. */
    final Map<String, Double> bias = new LinkedHashMap<>();

    /** Days to decision by protected characteristic, as FairnessQueries gives them. */
    final List<FairnessQueries.DaysRow> characteristicDays = new ArrayList<>();

    /** n decided complaints against this characteristic, days spread evenly around a median. */
    SyntheticPeriod characteristic(String code, int n, int median) {
        for (int i = 0; i < n; i++) {
            int days = median + (i % 21) - 10;
            characteristicDays.add(new FairnessQueries.DaysRow(code, "-", -1, true, true, days, 1, null));
        }
        return this;
    }

    SyntheticPeriod() {
        for (int i = 0; i < CLAUSES.length; i++) {
            upheld.put(CLAUSES[i], switch (TIERS[i]) {
                case 2 -> 0.45;
                case 3 -> 0.55;
                default -> 0.7;
            });
        }
    }

    static DefinitionVersion definition() {
        List<DefinitionVersion.Clause> clauses = new ArrayList<>();
        for (int i = 0; i < CLAUSES.length; i++) {
            clauses.add(new DefinitionVersion.Clause(CLAUSES[i], CLAUSES[i].replace('-', ' '), "", TIERS[i], List.of(),
                    List.of(), List.of(), List.of()));
        }
        return new DefinitionVersion("synthetic", "Synthetic", LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 1),
                List.of(), "", clauses, List.of(), List.of(), List.of(), Map.of());
    }

    static FairnessAnalysis.Settings settings() {
        AuditDefaults d = new AuditDefaults();
        return new FairnessAnalysis.Settings(new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31)),
                new Filter(null, null), d.threshold, d.rules, 14, 3, List.of(FACTIONS), List.of("hateful-language"),
                Instant.parse("2025-04-01T00:00:00Z"));
    }

    /** The defaults of AuditConfig (application.properties sets none of them). */
    static final class AuditDefaults {
        final int threshold = 10;
        final Rules rules = new Rules(0.8, 1.25, 0.95, 30);
    }

    FairnessReport report() {
        return new FairnessAnalysis(data(), settings(), Map.of("synthetic", definition()))
                .build(Instant.parse("2025-04-01T06:00:00Z"), "test");
    }

    private static int draw(SplittableRandom r, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = r.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    Data data() {
        SplittableRandom r = new SplittableRandom(seed);
        String[] faction = new String[members];
        Map<String, Long> byFaction = new TreeMap<>();
        for (int i = 0; i < members; i++) {
            faction[i] = r.nextDouble() >= declared ? ""
                    : r.nextDouble() < preferNotToSay ? FairnessReport.PREFER_NOT_TO_SAY
                    : factions[draw(r, factionWeights)];
            if (!faction[i].isEmpty()) {
                byFaction.merge(faction[i], 1L, Long::sum);
            }
        }
        double[] mixed = WEIGHTS.clone();
        if (mixFaction != null) {
            // Keep each tier's share; move weight between the clauses of a tier as mixWeights says.
            Map<Integer, Double> tierTotal = new TreeMap<>();
            Map<Integer, Double> newTotal = new TreeMap<>();
            for (int i = 0; i < CLAUSES.length; i++) {
                tierTotal.merge(TIERS[i], WEIGHTS[i], Double::sum);
                newTotal.merge(TIERS[i], mixWeights.getOrDefault(CLAUSES[i], WEIGHTS[i]), Double::sum);
            }
            for (int i = 0; i < CLAUSES.length; i++) {
                mixed[i] = mixWeights.getOrDefault(CLAUSES[i], WEIGHTS[i]) * tierTotal.get(TIERS[i])
                        / newTotal.get(TIERS[i]);
            }
        }
        Map<String, long[]> rows = new TreeMap<>();
        int m = Measure.values().length;
        for (int i = 0; i < cases; i++) {
            int ri = r.nextInt(members);
            int ci = (ri + 1 + r.nextInt(members - 1)) % members;
            String rf = faction[ri];
            int clause = draw(r, rf.equals(mixFaction) ? mixed : WEIGHTS);
            long[] v = rows.computeIfAbsent(rf + "\t" + faction[ci] + "\t" + clause, k -> new long[m]);
            v[Measure.CASES.ordinal()]++;
            v[Measure.TRIAGED.ordinal()]++;
            if (r.nextDouble() >= PASS.get(TIERS[clause])) {
                continue;
            }
            v[Measure.PASSED.ordinal()]++;
            v[Measure.DECIDED.ordinal()]++;
            double p = upheld.get(CLAUSES[clause]);
            if (rf.equals(biasFaction)) {
                p = Math.min(0.98, p * bias.getOrDefault(CLAUSES[clause], 1.0));
            }
            if (r.nextDouble() < p) {
                v[Measure.UPHELD.ordinal()]++;
            }
        }
        List<Row> out = new ArrayList<>();
        rows.forEach((k, v) -> {
            String[] p = k.split("\t", -1);
            int set = Integer.parseInt(p[2]) + 1;
            out.add(new Row(p[0], p[1], set, set, true, true, v));
        });
        Map<Integer, ClauseSet> sets = new TreeMap<>();
        for (int i = 0; i < CLAUSES.length; i++) {
            sets.put(i + 1, new ClauseSet(i + 1, "synthetic", List.of(CLAUSES[i])));
        }
        return new Data(out, List.of(), List.of(), characteristicDays, byFaction, members, sets, List.of(), List.of(),
                "synthetic", 0, Map.of(), ConfidenceQueries.Data.NONE);
    }
}
