package org.evenhand.management;

import static org.evenhand.management.Manage.member;
import static org.evenhand.management.Manage.tasksOf;
import static org.evenhand.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evenhand.testing.Db;
import org.evenhand.testing.EngineClock;
import org.evenhand.testing.Pages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The operations dashboard (decision 0038) against what the database holds: cases we file, dismiss,
 * leave overdue and recuse from move its figures by exactly as much as they should, and every figure
 * equals the same count made here, by other means, from the tables at the dashboard's own instant.
 */
@QuarkusTest
class ManagerDashboardTest {

    static final String TAG = UUID.randomUUID().toString().substring(0, 6);

    @AfterEach
    void resetClock() {
        EngineClock.reset();
    }

    static JsonPath dashboard() {
        return as("mona").get("/api/manager/dashboard").then().statusCode(200).extract().jsonPath();
    }

    static Map<String, Object> stage(JsonPath d, String stage) {
        return d.getMap("stages.find { it.stage == '" + stage + "' }");
    }

    static long n(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).longValue();
    }

    static long thisWeek(JsonPath d) {
        List<Map<String, Object>> weeks = d.getList("throughput");
        return n(weeks.get(weeks.size() - 1), "closed");
    }

    static long thisMonth(JsonPath d) {
        List<Map<String, Object>> months = d.getList("recusals");
        return n(months.get(months.size() - 1), "recusals");
    }

    @Test
    void theFiguresMoveWithOurCasesAndEqualWhatTheTablesHold() {
        // a month ahead, so that the week and month we look at hold our cases whatever today is
        EngineClock.advance(Duration.ofDays(30));
        String clp = "Dash CLP " + TAG;
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            refs.add(Manage.file(member("dash" + TAG + "c" + i, clp), member("dash" + TAG + "r" + i, clp),
                    "Case " + i + ": replies under every post about the " + TAG + " branch budget."));
        }
        EngineClock.advance(Duration.ofDays(1));
        JsonPath before = dashboard();
        // two dismissed at triage: the triage backlog falls by two, two more closed this week, two triage visits end
        for (String ref : refs.subList(0, 2)) {
            Map<String, Object> triage = ComplaintsManagerTest.only(tasksOf(ref), "triage");
            as("quinn").post("/api/tasks/" + triage.get("id") + "/claim").then().statusCode(200);
            as("quinn").body(Map.of("inScope", false, "reasons", "A disagreement about the budget, not abuse."))
                    .post("/api/tasks/" + triage.get("id") + "/complete").then().statusCode(204);
        }
        JsonPath dismissed = dashboard();
        assertEquals(n(stage(before, "triage"), "open") - 2, n(stage(dismissed, "triage"), "open"));
        assertEquals(thisWeek(before) + 2, thisWeek(dismissed));
        assertEquals(n(stage(before, "triage"), "visits") + 2, n(stage(dismissed, "triage"), "visits"));
        assertEquals(before.getLong("open") - 2, dismissed.getLong("open"));

        // the third passes its triage target (a week): overdue in triage
        EngineClock.advance(Duration.ofDays(7));
        JsonPath late = dashboard();
        String third = refs.get(2);
        Instant due = ((Timestamp) Db.value("SELECT stage_due FROM cases WHERE ref = ?", third)).toInstant();
        assertTrue(due.isBefore(Instant.parse(late.getString("asOf"))), "its target has passed");
        // a caseworker recuses from it: one more recusal this month
        Map<String, Object> triage = ComplaintsManagerTest.only(tasksOf(third), "triage");
        String recusing = ComplaintsManagerTest.list(triage.get("offeredTo")).get(0);
        as(recusing).body(Map.of("reason", "I know the complainant from the regional board.")).post("/api/tasks/"
                + triage.get("id") + "/recusal").then().statusCode(200);
        JsonPath after = dashboard();
        assertEquals(thisMonth(late) + 1, thisMonth(after));
        assertEquals(n(stage(late, "triage"), "overdue"), n(stage(after, "triage"), "overdue"));

        assertEqualsTheTables(after);
        // the page shows the same figures, in tables beside the charts
        String html = Pages.as("mona", () -> Pages.page().get("/manager/dashboard").then().statusCode(200).extract()
                .asString());
        assertTrue(html.contains("<canvas id=\"chart-weeks\"") && html.contains("data-chart=\"chart-stages\""), html);
        assertTrue(html.contains("<th scope=\"row\">Triage</th><td data-label=\"Open\">" + n(stage(after, "triage"), "open")
                + "</td><td data-label=\"Overdue\">" + n(stage(after, "triage"), "overdue") + "</td>"), html);
        assertTrue(html.contains("<td>" + thisWeek(after) + "</td></tr></tbody>"), "this week's closed cases");
        assertTrue(!html.matches("(?s).*\\d{4}-\\d{2}-\\d{2}.*<table.*"), "no ISO dates before the tables");
        Pages.as("quinn", () -> Pages.page().get("/manager/dashboard").then().statusCode(403));
        as("quinn").get("/api/manager/dashboard").then().statusCode(403);
    }

    /** Each figure, counted again here straight from the tables at the dashboard's instant. */
    static void assertEqualsTheTables(JsonPath d) {
        Instant asOf = Instant.parse(d.getString("asOf"));
        Timestamp at = Timestamp.from(asOf);
        LocalDate today = asOf.atZone(Manage.LONDON).toLocalDate();
        for (Map<String, Object> s : d.<Map<String, Object>>getList("stages")) {
            String stage = (String) s.get("stage");
            long open = "received".equals(stage) ? Db.count("SELECT count(*) FROM cases WHERE status = 'RECEIVED'")
                    : Db.count("SELECT count(*) FROM cases WHERE status = 'OPEN' AND " + ("starting".equals(stage)
                            ? "stage IS NULL" : "stage = ?"), "starting".equals(stage) ? new Object[0] : new Object[] { stage });
            assertEquals(open, n(s, "open"), "open in " + stage);
            long overdue = "received".equals(stage) || "starting".equals(stage) ? 0 : Db.count("SELECT count(*) FROM cases"
                    + " WHERE status = 'OPEN' AND stage = ? AND stage_due < ?", stage, at);
            assertEquals(overdue, n(s, "overdue"), "overdue in " + stage);
        }
        // median time in stage: every visit that ended in the 12 weeks, its length, the middle one
        LocalDate firstWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(11);
        Timestamp from = Timestamp.from(firstWeek.atStartOfDay(Manage.LONDON).toInstant());
        List<Long> triage = new ArrayList<>();
        try (var c = io.quarkus.arc.Arc.container().instance(io.agroal.api.AgroalDataSource.class).get().getConnection();
                var ps = c.prepareStatement("SELECT v.entered_at, v.left_at, c.closed_at FROM case_stage_visits v"
                        + " JOIN cases c ON c.id = v.case_id WHERE v.stage = 'triage'")) {
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant entered = rs.getTimestamp(1).toInstant();
                    Timestamp left = rs.getTimestamp(2) != null ? rs.getTimestamp(2) : rs.getTimestamp(3);
                    if (left != null && !left.before(from) && !left.after(at)) {
                        triage.add(Math.max(0, Duration.between(entered, left.toInstant()).toMillis()));
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        triage.sort(null);
        Map<String, Object> t = stage(d, "triage");
        assertEquals(triage.size(), n(t, "visits"));
        assertNotNull(t.get("medianSeconds"));
        int k = triage.size();
        double median = k % 2 == 1 ? triage.get(k / 2) : (triage.get(k / 2 - 1) + triage.get(k / 2)) / 2.0;
        assertWithin(Math.round(median / 1000.0), n(t, "medianSeconds"), 1, "median triage time in seconds");
        // cases closed each week, recusals each month
        List<Map<String, Object>> weeks = d.getList("throughput");
        assertEquals(12, weeks.size());
        for (Map<String, Object> w : weeks) {
            LocalDate monday = LocalDate.parse((String) w.get("weekStarting"));
            assertEquals(DayOfWeek.MONDAY, monday.getDayOfWeek());
            Timestamp start = Timestamp.from(monday.atStartOfDay(Manage.LONDON).toInstant());
            Timestamp end = Timestamp.from(monday.plusWeeks(1).atStartOfDay(Manage.LONDON).toInstant());
            assertEquals(Db.count("SELECT count(*) FROM cases WHERE closed_at >= ? AND closed_at < ? AND closed_at <= ?",
                    start, end, at), n(w, "closed"), "closed in the week of " + monday);
        }
        List<Map<String, Object>> months = d.getList("recusals");
        assertEquals(12, months.size());
        assertEquals(YearMonth.from(today).toString(), months.get(11).get("month"));
        for (Map<String, Object> m : months) {
            YearMonth month = YearMonth.parse((String) m.get("month"));
            Timestamp start = Timestamp.from(month.atDay(1).atStartOfDay(Manage.LONDON).toInstant());
            Timestamp end = Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(Manage.LONDON).toInstant());
            assertEquals(Db.count("SELECT count(*) FROM case_recusals WHERE recused_at >= ? AND recused_at < ?"
                    + " AND recused_at <= ?", start, end, at), n(m, "recusals"), "recusals in " + month);
        }
    }

    private static void assertWithin(long expected, long actual, long within, String what) {
        assertTrue(Math.abs(expected - actual) <= within, what + ": expected " + expected + ", was " + actual);
    }
}
