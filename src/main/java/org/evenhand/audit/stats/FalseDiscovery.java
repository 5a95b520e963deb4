package org.evenhand.audit.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Benjamini-Hochberg adjusted p-values: among many tests, flagging those with adjusted p under
 * alpha keeps the expected share of false flags among all flags at alpha (Benjamini and Hochberg,
 * 1995). The same values as R's p.adjust(p, "BH").
 */
public final class FalseDiscovery {

    private FalseDiscovery() {
    }

    public static double[] adjust(double[] p) {
        int m = p.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] adjusted = new double[m];
        double running = 1;
        for (int k = m - 1; k >= 0; k--) {
            int i = order[k];
            running = Math.min(running, p[i] * m / (k + 1));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
