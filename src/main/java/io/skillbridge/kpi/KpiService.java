package io.skillbridge.kpi;

import io.skillbridge.skills.match.GapAnalysis;
import io.skillbridge.skills.profile.ProfileCalculator;
import io.skillbridge.skills.taxonomy.Taxonomy;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands out a calculator over a snapshot of the store, reading the store again only when its {@link KpiStore#stamp()}
 * moved: between syncs every KPI request is arithmetic over arrays already in memory.
 */
@Service
public class KpiService {

    private record Loaded(String stamp, KpiCalculator calculator) {
    }

    private final KpiStore store;
    private final Taxonomy taxonomy;
    private final GapAnalysis gaps;
    private volatile Loaded loaded;

    public KpiService(KpiStore store, Taxonomy taxonomy, ProfileCalculator profiles) {
        this.store = store;
        this.taxonomy = taxonomy;
        this.gaps = new GapAnalysis(taxonomy, profiles.rules().relatedCreditCap());
    }

    public KpiCalculator calculator() {
        return current().calculator();
    }

    /** The calendar months the scope touches, each cut to the scope's days. */
    public static List<KpiCalculator.Scope> months(KpiCalculator.Scope scope) {
        List<KpiCalculator.Scope> months = new ArrayList<>();
        for (LocalDate m = scope.from().withDayOfMonth(1); !m.isAfter(scope.to()); m = m.plusMonths(1)) {
            LocalDate end = m.plusMonths(1).minusDays(1);
            months.add(new KpiCalculator.Scope(m.isBefore(scope.from()) ? scope.from() : m,
                    end.isAfter(scope.to()) ? scope.to() : end, scope.orgs()));
        }
        return months;
    }

    private Loaded current() {
        String stamp = store.stamp();
        Loaded l = loaded;
        if (l != null && l.stamp().equals(stamp)) {
            return l;
        }
        synchronized (this) {
            if (loaded == null || !loaded.stamp().equals(stamp)) {
                KpiSnapshot snapshot = store.load(LocalDate.now(ZoneOffset.UTC));
                loaded = new Loaded(stamp, new KpiCalculator(snapshot, gaps, taxonomy));
            }
            return loaded;
        }
    }
}
