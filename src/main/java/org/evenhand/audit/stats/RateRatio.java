package org.evenhand.audit.stats;

import org.apache.commons.statistics.inference.BinomialTest;
import org.apache.commons.statistics.inference.SignificanceResult;

/**
 * Complaints per member: a group's count of complaints over its members, against the rest's.
 * The ratio of the two rates has the usual Poisson log interval; the test is the exact
 * conditional test (given the total, the group's share of complaints is binomial with the
 * group's share of members), from Apache Commons Statistics.
 */
public final class RateRatio {

    private RateRatio() {
    }

    public static Comparison compare(long a, long members1, long c, long members0, Rules rules) {
        if (members1 < rules.minimumGroupSize() || members0 < rules.minimumGroupSize()) {
            return Comparison.insufficient("fewer than " + rules.minimumGroupSize() + " members on one side");
        }
        if (a + c < 5) {
            return Comparison.insufficient("fewer than 5 complaints in all");
        }
        double x = a;
        double y = c;
        if (a == 0 || c == 0) {
            x += 0.5;
            y += 0.5;
        }
        double ratio = (x / members1) / (y / members0);
        double se = Math.sqrt(1 / x + 1 / y);
        double z = rules.z();
        double lower = ratio * Math.exp(-z * se);
        double upper = ratio * Math.exp(z * se);
        SignificanceResult r = BinomialTest.withDefaults().test(Math.toIntExact(a + c), Math.toIntExact(a),
                (double) members1 / (members1 + members0));
        Rules.Call call = rules.call(ratio, lower, upper);
        return new Comparison(ratio, lower, upper, "exact-binomial", r.getPValue(), call.verdict(), call.reason());
    }
}
