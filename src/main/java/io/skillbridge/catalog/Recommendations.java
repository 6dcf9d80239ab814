package io.skillbridge.catalog;

import io.skillbridge.connector.SyncRunFinished;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The content that best closes one missing skill of a person's gap to a role: items teaching the skill above the
 * person's level, closest to the required level first, then in the modality the person completes most (else
 * {@link #DEFAULT_MODALITIES} order), then shortest; and what people already in the role completed for the skill.
 */
@Service
public class Recommendations {

    static final int LIMIT = 5;
    static final int ROLE_LIMIT = 3;
    /** When a person has completed nothing yet: structured courses first, then the quicker forms. */
    static final List<String> DEFAULT_MODALITIES = List.of("course", "interactive", "video", "micro", "text");
    /** Candidates read per skill before ranking; a skill with more items keeps its most confident matches. */
    static final int CANDIDATES = 500;

    /** How long the catalog's answers for a skill are reused: catalog and completions change by sync, not by click. */
    static final Duration FRESH = Duration.ofMinutes(5);

    private final JdbcTemplate jdbc;
    /** The active items teaching a skill, most confident first; shared by every person's gap. */
    private final Map<String, Cached<List<Candidate>>> candidates = new ConcurrentHashMap<>();
    /** The items people in a role completed for a skill. */
    private final Map<String, Cached<List<Map<String, Object>>>> completedInRole = new ConcurrentHashMap<>();

    public Recommendations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record Candidate(Map<String, Object> item, double taught, Integer minutes, String modality) {
    }

    private record Cached<T>(T value, Instant at) {
        boolean fresh() {
            return at.plus(FRESH).isAfter(Instant.now());
        }
    }

    /** A sync may have changed the catalog, the completions or who holds which role. */
    @EventListener
    public void on(SyncRunFinished run) {
        candidates.clear();
        completedInRole.clear();
    }

    /**
     * Recommendations for one person's gap to one role: what the person completed and prefers is read once, the
     * catalog's answers per skill come from a short-lived cache, so a gap of ten missing skills is not forty queries.
     */
    public Recommender forGap(String personId, String roleId) {
        Set<String> done = new HashSet<>(jdbc.queryForList("select content_item_id from learning_record where person_id = ?"
                + " and content_item_id is not null and status in ('completed', 'passed')", String.class, personId));
        return new Recommender(roleId, done, preferredModalities(personId));
    }

    /** One person's recommendations, skill by skill. */
    public final class Recommender {

        private final String roleId;
        private final Set<String> done;
        private final List<String> preferred;

        private Recommender(String roleId, Set<String> done, List<String> preferred) {
            this.roleId = roleId;
            this.done = done;
            this.preferred = preferred;
        }

        public Map<String, Object> forSkill(String skillId, double current, double required) {
            List<Candidate> open = new ArrayList<>();
            for (Candidate c : cached(candidates, skillId, () -> candidates(skillId))) {
                if (c.taught() > current && !done.contains((String) c.item().get("id"))) {
                    open.add(c);
                }
            }
            open.sort(Comparator.comparingDouble((Candidate c) -> levelFit(c.taught(), required))
                    .thenComparingInt(c -> rank(preferred, c.modality()))
                    .thenComparingInt(c -> c.minutes() == null ? Integer.MAX_VALUE : c.minutes())
                    .thenComparing(c -> (String) c.item().get("id")));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("items", open.stream().limit(LIMIT).map(Candidate::item).toList());
            out.put("completedInRole", cached(completedInRole, roleId + "\u0000" + skillId,
                    () -> completedInRole(roleId, skillId)));
            return out;
        }
    }

    private static <T> T cached(Map<String, Cached<T>> cache, String key, Supplier<T> load) {
        Cached<T> c = cache.get(key);
        if (c == null || !c.fresh()) {
            c = new Cached<>(load.get(), Instant.now());
            cache.put(key, c);
        }
        return c.value();
    }

    private List<Candidate> candidates(String skillId) {
        List<Candidate> found = new ArrayList<>();
        jdbc.query("select " + CatalogQueries.ITEM_COLUMNS + ", max(cs.level) as taught from content_item i"
                + " join content_skill cs on cs.item_id = i.id where cs.skill_id = ? and i.active group by "
                + CatalogQueries.ITEM_COLUMNS + " order by max(cs.confidence) desc, i.id fetch first " + CANDIDATES
                + " rows only", rs -> {
                    double taught = rs.getDouble("taught");
                    Map<String, Object> item = CatalogQueries.item(rs);
                    item.put("levelTaught", taught);
                    found.add(new Candidate(Collections.unmodifiableMap(item), taught,
                            (Integer) rs.getObject("duration_minutes"), rs.getString("modality")));
                }, skillId);
        return List.copyOf(found);
    }

    /** 0 for an item teaching exactly the required level; falling short counts twice as much as overshooting. */
    static double levelFit(double taught, double required) {
        return taught >= required ? taught - required : 2 * (required - taught);
    }

    private static int rank(List<String> preferred, String modality) {
        int i = modality == null ? -1 : preferred.indexOf(modality);
        return i < 0 ? preferred.size() : i;
    }

    /** The person's completed modalities, most completed first, followed by the default order. */
    private List<String> preferredModalities(String personId) {
        List<String> order = new ArrayList<>(jdbc.queryForList("select i.modality from learning_record r"
                + " join content_item i on i.id = r.content_item_id where r.person_id = ? and i.modality is not null"
                + " and r.status in ('completed', 'passed') group by i.modality order by count(*) desc, i.modality",
                String.class, personId));
        DEFAULT_MODALITIES.stream().filter(m -> !order.contains(m)).forEach(order::add);
        return order;
    }

    /** Items teaching the skill that people now in the role completed, by how many of them did. */
    private List<Map<String, Object>> completedInRole(String roleId, String skillId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.query("select r.content_item_id, count(distinct r.person_id) from learning_record r"
                + " join person p on p.id = r.person_id where p.role_id = ?"
                + " and r.status in ('completed', 'passed') and exists (select 1 from content_skill cs"
                + " where cs.item_id = r.content_item_id and cs.skill_id = ?) group by r.content_item_id"
                + " order by count(distinct r.person_id) desc, r.content_item_id fetch first " + ROLE_LIMIT + " rows only",
                rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                }, roleId, skillId);
        if (counts.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, Object>> items = new HashMap<>();
        io.skillbridge.canonical.Sql.forEachIn(jdbc, "select " + CatalogQueries.ITEM_COLUMNS + " from content_item i"
                + " join unnest(?) as k(v) on i.id = k.v", null, counts.keySet(), rs -> items.put(rs.getString("id"),
                CatalogQueries.item(rs)));
        List<Map<String, Object>> out = new ArrayList<>();
        counts.forEach((id, n) -> {
            Map<String, Object> item = items.get(id);
            item.put("completedBy", n);
            out.add(Collections.unmodifiableMap(item));
        });
        return List.copyOf(out);
    }
}
