package org.evenhand.operations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.evenhand.identity.Roles;
import org.evenhand.web.Formats;
import org.evenhand.web.Html;

/**
 * The complaints manager's dashboard page ({@code /manager/dashboard}): every figure in a table, and
 * the same figures drawn by Chart.js (js/manager-charts.js) from JSON beside each table; without
 * scripts the tables are the page.
 */
@Path("/manager/dashboard")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.MANAGER)
public class DashboardPage {

    public record StageRow(String label, long open, long overdue, String median, double medianDays, long visits) {
    }

    public record WeekRow(String week, String shortWeek, long closed) {
    }

    public record MonthRow(String month, long recusals) {
    }

    public record Page(String asOf, long open, long overdue, List<StageRow> stages, List<WeekRow> weeks,
            List<MonthRow> months, String stagesJson, String timesJson, String weeksJson, String monthsJson) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(Page page);
    }

    @Inject
    Dashboard dashboard;
    @Inject
    ObjectMapper json;

    @GET
    @Operation(hidden = true)
    public Response page() {
        Dashboard.Figures f = dashboard.figures();
        List<StageRow> stages = f.stages().stream().map(s -> new StageRow(s.label(), s.open(), s.overdue(),
                s.medianSeconds() == null ? null : Formats.span(Duration.ofSeconds(s.medianSeconds())),
                s.medianSeconds() == null ? 0 : Math.round(s.medianSeconds() / 8640.0) / 10.0, s.visits())).toList();
        List<WeekRow> weeks = f.throughput().stream().map(w -> new WeekRow(Formats.date(w.weekStarting()),
                Formats.dayMonth(w.weekStarting()), w.closed())).toList();
        List<MonthRow> months = f.recusals().stream().map(m -> new MonthRow(Formats.MONTH.format(YearMonth.parse(m.month())
                .atDay(1)), m.recusals())).toList();
        Map<String, Object> byStage = chart(stages.stream().map(StageRow::label).toList(), Map.of(
                "Open", stages.stream().map(StageRow::open).toList(), "Overdue", stages.stream().map(StageRow::overdue).toList()));
        List<StageRow> timed = stages.stream().filter(s -> s.median() != null).toList();
        Map<String, Object> times = chart(timed.stream().map(StageRow::label).toList(),
                Map.of("Median days", timed.stream().map(StageRow::medianDays).toList()));
        Map<String, Object> closed = chart(weeks.stream().map(WeekRow::shortWeek).toList(),
                Map.of("Cases closed", weeks.stream().map(WeekRow::closed).toList()));
        Map<String, Object> recusals = chart(months.stream().map(MonthRow::month).toList(),
                Map.of("Recusals", months.stream().map(MonthRow::recusals).toList()));
        return Html.ok(Templates.dashboard(new Page(Formats.when(f.asOf()), f.open(), f.overdue(), stages, weeks, months,
                write(byStage), write(times), write(closed), write(recusals))));
    }

    /** A chart's data: the labels along one axis and each series' values, in order ("Open" before "Overdue"). */
    private static Map<String, Object> chart(List<String> labels, Map<String, List<? extends Number>> series) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("labels", labels);
        Map<String, Object> ordered = new LinkedHashMap<>();
        series.keySet().stream().sorted().forEach(k -> ordered.put(k, series.get(k)));
        out.put("series", ordered);
        return out;
    }

    private String write(Object o) {
        try {
            // inside <script type="application/json">: no "</" may end the element early
            return json.writeValueAsString(o).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
