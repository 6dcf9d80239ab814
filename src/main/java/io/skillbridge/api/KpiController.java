package io.skillbridge.api;

import io.skillbridge.kpi.Kpi;
import io.skillbridge.kpi.KpiCalculator;
import io.skillbridge.kpi.KpiCalculator.Scope;
import io.skillbridge.kpi.KpiService;
import io.skillbridge.kpi.KpiSnapshot;
import io.skillbridge.kpi.SvgChart;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The outcome KPIs (definitions in the README's "KPIs" section), as JSON, as a monthly CSV and as an SVG chart. The
 * CSV and SVG mappings declare no {@code produces}: a refused parameter must still reach the caller as a JSON error.
 */
@RestController
@RequestMapping("/api/v1/kpis")
class KpiController {

    /** Monthly series and month groups over at most ten years: each month is a full pass over the history. */
    static final int MAX_MONTHS = 120;

    private final KpiService kpis;

    KpiController(KpiService kpis) {
        this.kpis = kpis;
    }

    @Operation(summary = "The five outcome KPIs over a period (default: the last 12 months), for an org unit and"
            + " its subtree, optionally grouped by orgUnit (each unit's own people) or month")
    @GetMapping
    Map<String, Object> all(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                            @RequestParam(required = false) String orgUnit,
                            @RequestParam(required = false) String groupBy) {
        KpiCalculator calculator = kpis.calculator();
        Scope scope = scope(calculator.snapshot(), from, to, orgUnit);
        if (groupBy != null && !groupBy.equals("orgUnit") && !groupBy.equals("month")) {
            throw ApiException.badRequest("groupBy", "groupBy '" + groupBy + "' is not one of orgUnit, month");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", scope.from());
        out.put("to", scope.to());
        out.put("asOf", calculator.snapshot().asOf());
        out.put("orgUnit", orgUnit);
        out.put("kpis", calculator.all(scope));
        if ("month".equals(groupBy)) {
            out.put("groupBy", groupBy);
            out.put("groups", months(scope).stream().map(m -> group(m.from().toString().substring(0, 7), null,
                    calculator.all(m))).toList());
        } else if ("orgUnit".equals(groupBy)) {
            out.put("groupBy", groupBy);
            KpiSnapshot snapshot = calculator.snapshot();
            List<Map<String, Object>> groups = new ArrayList<>();
            for (String unit : snapshot.orgUnits(scope.orgs())) {
                BitSet one = new BitSet();
                one.set(snapshot.orgIndex(unit));
                groups.add(group(unit, snapshot.orgName(unit), calculator.all(new Scope(scope.from(), scope.to(), one))));
            }
            out.put("groups", groups);
        }
        return out;
    }

    @Operation(summary = "One KPI month by month over the period, as CSV (one row per month)")
    @GetMapping("/{name}/export.csv")
    ResponseEntity<String> export(@PathVariable String name, @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to,
                                  @RequestParam(required = false) String orgUnit) {
        Kpi kpi = kpi(name);
        KpiCalculator calculator = kpis.calculator();
        Scope scope = scope(calculator.snapshot(), from, to, orgUnit);
        StringBuilder csv = new StringBuilder();
        for (Scope m : months(scope)) {
            Map<String, Object> figures = kpi.figures(calculator, m);
            if (csv.isEmpty()) {
                csv.append("month,from,to,").append(String.join(",", figures.keySet())).append('\n');
            }
            csv.append(m.from().toString(), 0, 7).append(',').append(m.from()).append(',').append(m.to()).append(',')
                    .append(figures.values().stream().map(v -> v == null ? "" : v.toString())
                            .collect(Collectors.joining(","))).append('\n');
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv"))
                .header("Content-Disposition", "attachment; filename=\"" + kpi.slug() + ".csv\"").body(csv.toString());
    }

    @Operation(summary = "One KPI's headline figure month by month over the period, as an SVG line chart")
    @GetMapping("/{name}/chart.svg")
    ResponseEntity<String> chart(@PathVariable String name, @RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to,
                                 @RequestParam(required = false) String orgUnit) {
        Kpi kpi = kpi(name);
        KpiCalculator calculator = kpis.calculator();
        Scope scope = scope(calculator.snapshot(), from, to, orgUnit);
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (Scope m : months(scope)) {
            labels.add(m.from().toString().substring(0, 7));
            Object v = kpi.figures(calculator, m).get(kpi.headline());
            values.add(v == null ? null : ((Number) v).doubleValue());
        }
        String title = kpi.title() + ", " + scope.from() + " to " + scope.to() + (orgUnit == null ? "" : " (" + orgUnit + ")");
        return ResponseEntity.ok().contentType(new MediaType("image", "svg+xml"))
                .body(SvgChart.line(title, kpi.unit(), labels, values));
    }

    private static Kpi kpi(String name) {
        return Kpi.bySlug(name).orElseThrow(() -> ApiException.badRequest("name", "KPI '" + name + "' is not one of "
                + Arrays.stream(Kpi.values()).map(Kpi::slug).toList()));
    }

    private static Scope scope(KpiSnapshot snapshot, String fromText, String toText, String orgUnit) {
        LocalDate to = toText == null ? LocalDate.now(ZoneOffset.UTC) : date("to", toText);
        LocalDate from = fromText == null ? to.minusYears(1).plusDays(1) : date("from", fromText);
        if (from.isAfter(to)) {
            throw ApiException.badRequest("from", "from " + from + " is after to " + to);
        }
        if (orgUnit != null && !snapshot.hasOrgUnit(orgUnit)) {
            throw ApiException.badRequest("orgUnit", "org unit '" + orgUnit + "' is not known");
        }
        return new Scope(from, to, orgUnit == null ? null : snapshot.subtree(orgUnit));
    }

    private static List<Scope> months(Scope scope) {
        long months = ChronoUnit.MONTHS.between(scope.from().withDayOfMonth(1), scope.to().withDayOfMonth(1)) + 1;
        if (months > MAX_MONTHS) {
            throw ApiException.badRequest("from", "the range spans " + months + " months; monthly figures cover at most "
                    + MAX_MONTHS);
        }
        return KpiService.months(scope);
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, field + " '" + text + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static Map<String, Object> group(String key, String name, KpiCalculator.KpiSet set) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("key", key);
        if (name != null) {
            g.put("name", name);
        }
        g.put("kpis", set);
        return g;
    }
}
