package io.skillbridge.catalog;

import io.skillbridge.canonical.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The skills catalog items teach, for every kind of learning record that becomes evidence (LMS completions, xAPI
 * statements): one query for a page of items.
 */
@Repository
public class ItemSkills {

    /** A skill an item teaches: the highest level and confidence any of its sources gives it. */
    public record Taught(String skillId, double level, double confidence) {
    }

    private final JdbcTemplate jdbc;

    public ItemSkills(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, List<Taught>> taught(Collection<String> itemIds) {
        Map<String, List<Taught>> taught = new HashMap<>();
        Sql.forEachIn(jdbc, "select c.item_id, c.skill_id, max(c.level), max(c.confidence) from content_skill c"
                        + " join unnest(?) as k(v) on c.item_id = k.v group by c.item_id, c.skill_id", null, itemIds,
                rs -> taught.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new Taught(rs.getString(2), rs.getDouble(3), rs.getDouble(4))));
        return taught;
    }
}
