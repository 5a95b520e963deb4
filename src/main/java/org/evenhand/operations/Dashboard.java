package org.evenhand.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.evenhand.casework.TaskKind;
import org.evenhand.common.TimeSource;

/**
 * The complaints manager's operations dashboard (decision 0038), read from the database as it is
 * now (the engine's clock): open cases and overdue ones by stage, the median time a stage took over
 * the last 12 weeks, cases closed each week for 12 weeks, and recusals each month for 12 months.
 * Weeks start on Monday and months on the 1st, in London.
 */
@ApplicationScoped
public class Dashboard {

    public static final int WEEKS = 12;
    public static final int MONTHS = 12;

    /**
     * A stage: open cases in it, those past the stage's end (a party's window or a staff target:
     * cases.stage_due), and the median time visits to it took among those that ended in the last
     * {@value #WEEKS} weeks (null when none did), with how many there were.
     */
    public record StageFigures(String stage, String label, long open, long overdue, Long medianSeconds, long visits) {
    }

    /** Cases closed (decided and closed, dismissed at triage, or withdrawn) in the week starting on this Monday. */
    public record WeekFigures(LocalDate weekStarting, long closed) {
    }

    /** Recusals in a month ("2026-12"). */
    public record MonthFigures(String month, long recusals) {
    }

    public record Figures(Instant asOf, long open, long overdue, List<StageFigures> stages, List<WeekFigures> throughput,
            List<MonthFigures> recusals) {
    }

    static final String BACKLOG = "SELECT CASE WHEN status = 'RECEIVED' THEN '" + Backlogs.RECEIVED + "'"
            + " ELSE coalesce(stage, '" + Backlogs.STARTING + "') END, count(*),"
            + " count(*) FILTER (WHERE status = 'OPEN' AND stage_due < ?1)"
            + " FROM cases WHERE status IN ('RECEIVED', 'OPEN') GROUP BY 1";
    /** A visit ends when the case moves on, or (its last) when the case ends; clocks moved back count as 0. */
    static final String TIME_IN_STAGE = "SELECT v.stage, percentile_cont(0.5) WITHIN GROUP (ORDER BY"
            + " greatest(0, extract(epoch FROM coalesce(v.left_at, c.closed_at) - v.entered_at))), count(*)"
            + " FROM case_stage_visits v JOIN cases c ON c.id = v.case_id"
            + " WHERE coalesce(v.left_at, c.closed_at) >= ?1 AND coalesce(v.left_at, c.closed_at) <= ?2 GROUP BY v.stage";
    static final String THROUGHPUT = "SELECT CAST(date_trunc('week', closed_at AT TIME ZONE '" + TimeSource.ZONE.getId()
            + "') AS date), count(*) FROM cases WHERE closed_at >= ?1 AND closed_at <= ?2 GROUP BY 1";
    static final String RECUSALS = "SELECT to_char(recused_at AT TIME ZONE '" + TimeSource.ZONE.getId() + "', 'YYYY-MM'),"
            + " count(*) FROM case_recusals WHERE recused_at >= ?1 AND recused_at <= ?2 GROUP BY 1";

    @Inject
    EntityManager em;
    @Inject
    TimeSource time;

    @Transactional
    public Figures figures() {
        Instant now = time.now();
        LocalDate today = time.today();
        LocalDate firstWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(WEEKS - 1);
        YearMonth firstMonth = YearMonth.from(today).minusMonths(MONTHS - 1);
        Instant weeksFrom = firstWeek.atStartOfDay(TimeSource.ZONE).toInstant();
        Instant monthsFrom = firstMonth.atDay(1).atStartOfDay(TimeSource.ZONE).toInstant();

        Map<String, long[]> backlog = new HashMap<>();
        rows(BACKLOG, now).forEach(r -> backlog.put((String) r[0], new long[] { number(r[1]), number(r[2]) }));
        Map<String, Object[]> times = new HashMap<>();
        rows(TIME_IN_STAGE, weeksFrom, now).forEach(r -> times.put((String) r[0], r));
        Map<LocalDate, Long> closed = new HashMap<>();
        rows(THROUGHPUT, weeksFrom, now).forEach(r -> closed.put(date(r[0]), number(r[1])));
        Map<String, Long> recused = new HashMap<>();
        rows(RECUSALS, monthsFrom, now).forEach(r -> recused.put((String) r[0], number(r[1])));

        Map<String, String> stages = new LinkedHashMap<>();
        stages.put(Backlogs.RECEIVED, "Received");
        stages.put(Backlogs.STARTING, "Starting");
        TaskKind.stages().forEach(k -> stages.put(k.id(), k.stageLabel()));
        backlog.keySet().forEach(s -> stages.putIfAbsent(s, s));
        times.keySet().forEach(s -> stages.putIfAbsent(s, s));
        List<StageFigures> byStage = new ArrayList<>();
        long open = 0;
        long overdue = 0;
        for (Map.Entry<String, String> s : stages.entrySet()) {
            long[] b = backlog.getOrDefault(s.getKey(), new long[2]);
            Object[] t = times.get(s.getKey());
            open += b[0];
            overdue += b[1];
            byStage.add(new StageFigures(s.getKey(), s.getValue(), b[0], b[1],
                    t == null ? null : Math.round(((Number) t[1]).doubleValue()), t == null ? 0 : number(t[2])));
        }
        List<WeekFigures> weeks = new ArrayList<>();
        for (int i = 0; i < WEEKS; i++) {
            LocalDate monday = firstWeek.plusWeeks(i);
            weeks.add(new WeekFigures(monday, closed.getOrDefault(monday, 0L)));
        }
        List<MonthFigures> months = new ArrayList<>();
        for (int i = 0; i < MONTHS; i++) {
            String month = firstMonth.plusMonths(i).toString();
            months.add(new MonthFigures(month, recused.getOrDefault(month, 0L)));
        }
        return new Figures(now, open, overdue, byStage, weeks, months);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... params) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return q.getResultList();
    }

    private static long number(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static LocalDate date(Object o) {
        return o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }
}
