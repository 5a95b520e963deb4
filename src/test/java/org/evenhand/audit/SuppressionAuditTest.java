package org.evenhand.audit;

import static org.evenhand.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.evenhand.audit.FairnessReport.Count;
import org.junit.jupiter.api.Test;

/**
 * Suppressed counts cannot be recovered from the rest of the same report. The test plays the
 * attacker: from the published JSON alone it writes down every relation a reader knows (groups add
 * up to the total, tiers to the whole, sanctions to the decided cases, a part never exceeds its
 * whole, counts are not negative), then for every suppressed count finds its smallest and largest
 * possible value by linear programming. A count is recovered if that range holds a single whole
 * number; none may be.
 */
@QuarkusTest
class SuppressionAuditTest {

    /** A small party: 700 members, 450 complaints in a year, so most cells are small. */
    static final String SMALL = """
            {"seed": 41, "members": 700, "cases": 450, "from": "2016-01-01", "to": "2016-12-31"}""";

    @Inject
    ObjectMapper json;

    /** Linear relations over named counts: sum(coef * var) (=|<=) rhs, with published counts as constants. */
    static final class Model {
        final Map<String, Long> known = new HashMap<>();
        final Set<String> unknown = new LinkedHashSet<>();
        /** Counts never published (a clause's total, say) that take part in relations: unknown, but no target. */
        final Set<String> latent = new LinkedHashSet<>();

        void latent(String var) {
            if (!known.containsKey(var) && unknown.add(var)) {
                latent.add(var);
            }
        }
        final List<Map<String, Double>> equalities = new ArrayList<>();
        final List<Map<String, Double>> atMost = new ArrayList<>();

        void count(String var, Count c) {
            if (c == null) {
                return;
            }
            if (c.published()) {
                known.put(var, c.value());
                unknown.remove(var);
                latent.remove(var);
            } else if (!known.containsKey(var)) {
                unknown.add(var);
                latent.remove(var);
            }
        }

        void sum(String whole, List<String> parts) {
            Map<String, Double> e = new LinkedHashMap<>();
            e.merge(whole, -1.0, Double::sum);
            parts.forEach(p -> e.merge(p, 1.0, Double::sum));
            equalities.add(e);
        }

        void notMore(String part, String whole) {
            Map<String, Double> e = new LinkedHashMap<>();
            e.put(part, 1.0);
            e.merge(whole, -1.0, Double::sum);
            atMost.add(e);
        }

        boolean defined(String var) {
            return known.containsKey(var) || unknown.contains(var);
        }

        /** The suppressed counts tied to this one through relations among suppressed counts. */
        Set<String> component(String target) {
            Set<String> seen = new LinkedHashSet<>(List.of(target));
            boolean grew = true;
            while (grew) {
                grew = false;
                for (List<Map<String, Double>> list : List.of(equalities, atMost)) {
                    for (Map<String, Double> e : list) {
                        if (e.keySet().stream().allMatch(this::defined) && e.keySet().stream().anyMatch(seen::contains)) {
                            for (String k : e.keySet()) {
                                if (unknown.contains(k) && seen.add(k)) {
                                    grew = true;
                                }
                            }
                        }
                    }
                }
            }
            return seen;
        }

        double[] range(String target) {
            Set<String> part = component(target);
            List<String> vars = new ArrayList<>(part);
            int n = vars.size();
            List<LinearConstraint> cs = new ArrayList<>();
            for (int pass = 0; pass < 2; pass++) {
                for (Map<String, Double> e : pass == 0 ? equalities : atMost) {
                    if (!e.keySet().stream().allMatch(this::defined) || e.keySet().stream().noneMatch(part::contains)) {
                        continue;
                    }
                    double[] coef = new double[n];
                    double rhs = 0;
                    boolean any = false;
                    for (Map.Entry<String, Double> t : e.entrySet()) {
                        if (known.containsKey(t.getKey())) {
                            rhs -= t.getValue() * known.get(t.getKey());
                        } else {
                            coef[vars.indexOf(t.getKey())] += t.getValue();
                            any = true;
                        }
                    }
                    if (any) {
                        cs.add(new LinearConstraint(coef, pass == 0 ? Relationship.EQ : Relationship.LEQ, rhs));
                    }
                }
            }
            double[] objective = new double[n];
            objective[vars.indexOf(target)] = 1;
            double[] out = new double[2];
            for (int k = 0; k < 2; k++) {
                out[k] = new SimplexSolver().optimize(new MaxIter(100_000),
                        new LinearObjectiveFunction(objective, 0), new LinearConstraintSet(cs),
                        k == 0 ? GoalType.MINIMIZE : GoalType.MAXIMIZE, new NonNegativeConstraint(true)).getValue();
            }
            return out;
        }
    }

    static String v(String role, String group, String stratum, String measure) {
        return role + "|" + group + "|" + stratum + "|" + measure;
    }

    Model model(FairnessReport r) {
        Model m = new Model();
        List<String> groups = r.population().stream().map(FairnessReport.Population::group)
                .filter(g -> !g.equals(FairnessReport.ALL)).toList();
        r.population().forEach(p -> m.count("pop|" + p.group(), p.members()));
        m.sum("pop|all", groups.stream().map(g -> "pop|" + g).toList());
        Set<String> summed = new LinkedHashSet<>();
        for (FairnessReport.RoleSection role : r.roles()) {
            String ro = role.role();
            for (FairnessReport.RateMetric metric : role.rates()) {
                String kind = metric.stratifiedBy() == null ? null : metric.stratifiedBy().contains("cited") ? "tc" : "te";
                for (FairnessReport.GroupRate g : metric.groups()) {
                    String num = v(ro, g.group(), "crude", metric.numerator());
                    String den = metric.denominator().equals("members") ? "pop|" + g.group()
                            : v(ro, g.group(), "crude", metric.denominator());
                    m.count(num, g.numerator());
                    m.count(den, g.denominator());
                    if (!den.startsWith("pop|")) {
                        m.notMore(num, den);
                    }
                    if (g.tiers() != null) {
                        for (FairnessReport.StratumRate t : g.tiers()) {
                            String tn = v(ro, g.group(), kind + t.tier(), metric.numerator());
                            String td = v(ro, g.group(), kind + t.tier(), metric.denominator());
                            m.count(tn, t.numerator());
                            m.count(td, t.denominator());
                            m.notMore(tn, td);
                        }
                    }
                }
                if (kind != null) {
                    clauses(m, ro, kind, metric, groups);
                }
                List<String> strata = new ArrayList<>(List.of("crude"));
                if (kind != null) {
                    metric.groups().get(0).tiers().forEach(t -> strata.add(kind + t.tier()));
                }
                for (String label : List.of(metric.numerator(), metric.denominator())) {
                    if (label.equals("members")) {
                        continue;
                    }
                    for (String st : strata) {
                        if (summed.add(ro + st + label)) {
                            m.sum(v(ro, "all", st, label), groups.stream().map(g -> v(ro, g, st, label)).toList());
                        }
                    }
                    if (kind != null) {
                        for (String g : metric.groups().stream().map(FairnessReport.GroupRate::group).toList()) {
                            if (summed.add(ro + g + kind + label)) {
                                m.sum(v(ro, g, "crude", label), strata.subList(1, strata.size()).stream()
                                        .map(st -> v(ro, g, st, label)).toList());
                            }
                        }
                    }
                }
            }
            FairnessReport.SanctionTable st = role.sanctions();
            for (FairnessReport.SanctionRow row : st.groups()) {
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < st.sanctions().size(); i++) {
                    String var = v(ro, row.group(), "crude", "sanction:" + st.sanctions().get(i));
                    m.count(var, row.counts().get(i));
                    parts.add(var);
                }
                m.count(v(ro, row.group(), "crude", "decided"), row.decided());
                m.sum(v(ro, row.group(), "crude", "decided"), parts);
                m.sum(v(ro, row.group(), "crude", "severe sanction"), List.of(
                        v(ro, row.group(), "crude", "sanction:suspension"),
                        v(ro, row.group(), "crude", "sanction:referral-expulsion")));
            }
            for (String s : st.sanctions()) {
                m.sum(v(ro, "all", "crude", "sanction:" + s), groups.stream()
                        .map(g -> v(ro, g, "crude", "sanction:" + s)).toList());
            }
            for (FairnessReport.TimeMetric t : role.times()) {
                String label = t.id().equals("decision-days") ? "decided" : "suspended";
                t.groups().forEach(g -> m.count(v(ro, g.group(), "crude", label), g.cases()));
            }
        }
        for (String label : List.of("complaints", "triaged", "in scope", "suspended", "decided", "upheld",
                "appeals decided", "overturned", "appealed", "with an overdue stage")) {
            m.sum(v("complainant", "all", "crude", label), List.of(v("respondent", "all", "crude", label)));
        }
        for (String[] pair : new String[][] { { "firstMover", "fm" }, { "reactor", "re" } }) {
            List<String> dec = new ArrayList<>();
            List<String> up = new ArrayList<>();
            for (FairnessReport.OpenerOutcome o : r.provocation().firstMoversAndReactors()) {
                Count d = pair[1].equals("fm") ? o.firstMoverDecided() : o.reactorDecided();
                Count u = pair[1].equals("fm") ? o.firstMoverUpheld() : o.reactorUpheld();
                String dv = v("respondent", o.group(), pair[1], "decided");
                String uv = v("respondent", o.group(), pair[1], "upheld");
                m.count(dv, d);
                m.count(uv, u);
                m.notMore(uv, dv);
                if (!o.group().equals("all")) {
                    dec.add(dv);
                    up.add(uv);
                }
            }
            m.sum(v("respondent", "all", pair[1], "decided"), dec);
            m.sum(v("respondent", "all", pair[1], "upheld"), up);
        }
        for (FairnessReport.OpenerOutcome o : r.provocation().firstMoversAndReactors()) {
            Map<String, Double> e = new LinkedHashMap<>();
            e.put(v("respondent", o.group(), "fm", "decided"), 1.0);
            e.put(v("respondent", o.group(), "re", "decided"), 1.0);
            e.put(v("respondent", o.group(), "crude", "decided"), -1.0);
            m.atMost.add(e);
        }
        Map<String, List<String>> counterColumns = new LinkedHashMap<>();
        for (FairnessReport.CounterOutcome o : r.provocation().counterComplaints()) {
            String g = o.group();
            Map<String, Count> cells = new LinkedHashMap<>();
            cells.put("complaints", o.complaints());
            cells.put("counter-complaints", o.counterComplaints());
            cells.put("counters-decided", o.countersDecided());
            cells.put("counters-upheld", o.countersUpheld());
            cells.put("drew-counter", o.drewCounter());
            cells.put("drew-counter-decided", o.drewCounterDecided());
            cells.put("drew-counter-upheld", o.drewCounterUpheld());
            cells.forEach((k, c) -> {
                String var = k.equals("complaints") ? v("complainant", g, "crude", "complaints")
                        : k.equals("counter-complaints") ? v("complainant", g, "crude", "counter-complaints")
                        : v("complainant", g, "counter", k);
                m.count(var, c);
                if (!g.equals("all")) {
                    counterColumns.computeIfAbsent(k, x -> new ArrayList<>()).add(var);
                }
            });
            m.notMore(v("complainant", g, "counter", "counters-upheld"), v("complainant", g, "counter", "counters-decided"));
            m.notMore(v("complainant", g, "counter", "counters-decided"), v("complainant", g, "crude", "counter-complaints"));
            m.notMore(v("complainant", g, "counter", "drew-counter-upheld"), v("complainant", g, "counter", "drew-counter-decided"));
            m.notMore(v("complainant", g, "counter", "drew-counter-decided"), v("complainant", g, "counter", "drew-counter"));
        }
        counterColumns.forEach((k, parts) -> {
            if (!k.equals("complaints") && !k.equals("counter-complaints")) {
                m.sum(v("complainant", "all", "counter", k), parts);
            }
        });
        List<String> clauses = new ArrayList<>();
        for (FairnessReport.ClauseTime c : r.handlingTime().clauses()) {
            m.count("clause|" + c.clause(), c.decided());
            clauses.add("clause|" + c.clause());
        }
        m.sum(v("respondent", "all", "crude", "decided"), clauses);
        return m;
    }

    /**
     * The strata of the call: a clause's counts, or the sum of a tier's thin clauses. A reader
     * knows that the clauses of a tier add up to the tier, for every group and the total, and
     * that each clause's groups add up to its total (which is never published: latent).
     */
    static void clauses(Model m, String ro, String kind, FairnessReport.RateMetric metric, List<String> groups) {
        String lk = "l" + kind.substring(1);
        Map<Integer, Set<String>> byTier = new java.util.TreeMap<>();
        for (FairnessReport.GroupRate g : metric.groups()) {
            if (g.clauses() == null) {
                continue;
            }
            for (FairnessReport.ClauseStratum c : g.clauses()) {
                byTier.computeIfAbsent(c.tier(), t -> new LinkedHashSet<>()).addAll(c.clauses());
                for (String label : List.of(metric.numerator(), metric.denominator())) {
                    List<String> vars = c.clauses().stream().map(x -> v(ro, g.group(), lk + c.tier() + ":" + x, label))
                            .toList();
                    vars.forEach(m::latent);
                    Count count = label.equals(metric.numerator()) ? c.numerator() : c.denominator();
                    if (c.pooled()) {
                        // A sum of clauses, not a count of its own: published only when every part is.
                        String pooled = v(ro, g.group(), "pool:" + lk + c.tier() + ":" + String.join("+", c.clauses()),
                                label);
                        if (count.published()) {
                            m.count(pooled, count);
                        } else {
                            m.latent(pooled);
                        }
                        m.sum(pooled, vars);
                    } else {
                        m.count(vars.get(0), count);
                    }
                }
            }
        }
        List<String> all = new ArrayList<>(groups);
        all.add("all");
        byTier.forEach((tier, clauses) -> {
            for (String label : List.of(metric.numerator(), metric.denominator())) {
                for (String g : all) {
                    List<String> parts = clauses.stream().map(x -> v(ro, g, lk + tier + ":" + x, label)).toList();
                    parts.forEach(m::latent);
                    m.latent(v(ro, g, kind + tier, label));
                    m.sum(v(ro, g, kind + tier, label), parts);
                }
                for (String x : clauses) {
                    m.sum(v(ro, "all", lk + tier + ":" + x, label),
                            groups.stream().map(g -> v(ro, g, lk + tier + ":" + x, label)).toList());
                }
            }
            for (String g : all) {
                for (String x : clauses) {
                    m.notMore(v(ro, g, lk + tier + ":" + x, metric.numerator()),
                            v(ro, g, lk + tier + ":" + x, metric.denominator()));
                }
            }
        });
    }

    @Test
    void noSuppressedCountCanBeWorkedOutInASmallParty() throws Exception {
        attack(AuditTestData.region("small", SMALL), "2016-01-01", "2016-12-31");
    }

    /** One quarter of a larger party: fewer small counts, different patterns. */
    @Test
    void noSuppressedCountCanBeWorkedOutInAQuarter() throws Exception {
        attack(AuditTestData.region("api", FairnessApiTest.SPEC), "2014-07-01", "2014-09-30");
    }

    void attack(String region, String from, String to) throws Exception {
        String body = as("nora").queryParam("from", from).queryParam("to", to)
                .queryParam("region", region).get("/api/audit/fairness").then().statusCode(200).extract().asString();
        FairnessReport r = json.readValue(body, FairnessReport.class);
        assertTrue(r.disclosure().primary() > 20, "a small data set has many small counts: " + r.disclosure());
        assertTrue(r.disclosure().secondary() > 0, "and secondary suppression: " + r.disclosure());
        Model m = model(r);
        assertTrue(m.unknown.size() > 20, "suppressed counts in the report: " + m.unknown.size());
        List<String> recovered = new ArrayList<>();
        for (String cell : m.unknown) {
            if (m.latent.contains(cell)) {
                continue;
            }
            double[] range = m.range(cell);
            if (Math.floor(range[1] + 1e-6) - Math.ceil(range[0] - 1e-6) < 1) {
                recovered.add(cell + " in [" + range[0] + ", " + range[1] + "]");
            }
        }
        assertTrue(recovered.isEmpty(), "suppressed counts that can be worked out: " + recovered);
        // no rate, ratio or test statistic printed for a suppressed count
        for (FairnessReport.RoleSection role : r.roles()) {
            for (FairnessReport.RateMetric metric : role.rates()) {
                for (FairnessReport.GroupRate g : metric.groups()) {
                    if (!g.numerator().published() || !g.denominator().published()) {
                        assertTrue(g.rate() == null, metric.id() + " " + g.group());
                        assertTrue(g.comparison() == null || g.comparison().ratio() == null, metric.id() + " " + g.group());
                    }
                }
            }
        }
    }
}
