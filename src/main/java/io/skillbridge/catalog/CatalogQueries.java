package io.skillbridge.catalog;

import io.skillbridge.api.ApiException;
import io.skillbridge.api.Paging;
import io.skillbridge.canonical.Sql;
import io.skillbridge.skills.taxonomy.Skill;
import io.skillbridge.skills.taxonomy.Taxonomy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The catalog as the LXP reads it: active items filtered by skill, level, modality, length and language. */
@Service
public class CatalogQueries {

    static final String ITEM_COLUMNS = "i.id, i.title, i.description, i.modality, i.duration_minutes, i.level,"
            + " i.language, i.url, i.active, i.updated_at";

    private final JdbcTemplate jdbc;
    private final Taxonomy taxonomy;

    public CatalogQueries(JdbcTemplate jdbc, Taxonomy taxonomy) {
        this.jdbc = jdbc;
        this.taxonomy = taxonomy;
    }

    /** What the LXP may ask for; every field optional. */
    public record Filter(String skill, Integer level, String modality, Integer maxMinutes, String language) {
    }

    public Map<String, Object> search(Filter f, Paging paging) {
        StringBuilder where = new StringBuilder(" where i.active");
        List<Object> args = new ArrayList<>();
        String order = " order by i.title, i.id";
        if (f.skill() != null) {
            Skill skill = taxonomy.resolve(f.skill()).orElseThrow(() -> ApiException.notFound("skill", f.skill()));
            where.append(" and exists (select 1 from content_skill cs where cs.item_id = i.id and cs.skill_id = ?)");
            args.add(skill.id());
            order = " order by (select max(cs.confidence) from content_skill cs where cs.item_id = i.id"
                    + " and cs.skill_id = '" + skill.id().replace("'", "''") + "') desc, i.title, i.id";
        }
        if (f.level() != null) {
            if (f.level() < 0 || f.level() > 5) {
                throw ApiException.badRequest("level", "level must be a canonical level from 0 to 5");
            }
            where.append(" and i.level >= ? and i.level < ?");
            args.add(f.level());
            args.add(f.level() + 1);
        }
        if (f.modality() != null) {
            Modality m = Modality.parse(f.modality()).orElseThrow(() -> ApiException.badRequest("modality",
                    "modality must be one of " + Modality.known()));
            where.append(" and i.modality = ?");
            args.add(m.wire());
        }
        if (f.maxMinutes() != null) {
            if (f.maxMinutes() < 1) {
                throw ApiException.badRequest("maxMinutes", "maxMinutes must be 1 or more");
            }
            where.append(" and i.duration_minutes <= ?");
            args.add(f.maxMinutes());
        }
        if (f.language() != null) {
            String language;
            try {
                language = ContentItemRecord.language(f.language());
            } catch (RuntimeException e) {
                throw ApiException.badRequest("language", "language must be a language tag such as en or pt-BR");
            }
            where.append(" and i.language = ?");
            args.add(language);
        }
        long total = jdbc.queryForObject("select count(*) from content_item i" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(paging.offset());
        pageArgs.add(paging.size());
        List<Map<String, Object>> items = jdbc.query("select " + ITEM_COLUMNS + " from content_item i" + where + order
                + " offset ? rows fetch next ? rows only", (rs, n) -> item(rs), pageArgs.toArray());
        return paging.envelope(withSkillsAndSources(items), total);
    }

    public Map<String, Object> item(String id) {
        List<Map<String, Object>> found = jdbc.query("select " + ITEM_COLUMNS + " from content_item i where i.id = ?",
                (rs, n) -> item(rs), id);
        if (found.isEmpty()) {
            throw ApiException.notFound("catalog item", id);
        }
        return withSkillsAndSources(found).get(0);
    }

    public Map<String, Object> unmatchedTags(Paging paging) {
        long total = jdbc.queryForObject("select count(*) from unmatched_tag", Long.class);
        List<Map<String, Object>> tags = jdbc.query("select system, tag, seen_count, last_seen from unmatched_tag"
                + " order by seen_count desc, tag_norm, system offset ? rows fetch next ? rows only", (rs, n) -> {
                    Map<String, Object> t = new LinkedHashMap<>();
                    t.put("tag", rs.getString("tag"));
                    t.put("provider", rs.getString("system"));
                    t.put("count", rs.getInt("seen_count"));
                    t.put("lastSeen", Sql.instant(rs, "last_seen"));
                    return t;
                }, paging.offset(), paging.size());
        return paging.envelope(tags, total);
    }

    static Map<String, Object> item(ResultSet rs) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", rs.getString("id"));
        m.put("title", rs.getString("title"));
        m.put("description", rs.getString("description"));
        m.put("modality", rs.getString("modality"));
        m.put("durationMinutes", rs.getObject("duration_minutes"));
        m.put("level", rs.getObject("level"));
        m.put("language", rs.getString("language"));
        m.put("url", rs.getString("url"));
        m.put("active", rs.getBoolean("active"));
        m.put("updatedAt", Sql.instant(rs, "updated_at"));
        return m;
    }

    /** Adds each item's skills (strongest match per skill) and sources, two queries for the whole page. */
    List<Map<String, Object>> withSkillsAndSources(List<Map<String, Object>> items) {
        Map<String, Map<String, Object>> byId = new HashMap<>();
        for (Map<String, Object> item : items) {
            byId.put((String) item.get("id"), item);
            item.put("skills", new ArrayList<Map<String, Object>>());
            item.put("sources", new ArrayList<Map<String, Object>>());
        }
        Sql.forEachIn(jdbc, "select c.item_id, c.skill_id, max(c.level), max(c.confidence), min(c.matched_by)"
                + " from content_skill c join unnest(?) as k(v) on c.item_id = k.v group by c.item_id, c.skill_id"
                + " order by 4 desc, 2", null, byId.keySet(), rs -> {
                    Map<String, Object> s = new LinkedHashMap<>();
                    s.put("skill", rs.getString(2));
                    s.put("label", taxonomy.byId(rs.getString(2)).map(Skill::label).orElse(null));
                    s.put("level", rs.getDouble(3));
                    s.put("confidence", rs.getDouble(4));
                    s.put("matchedBy", rs.getString(5));
                    list(byId.get(rs.getString(1)), "skills").add(s);
                });
        Sql.forEachIn(jdbc, "select s.item_id, s.system, s.external_id, s.provider, s.active from content_source s"
                + " join unnest(?) as k(v) on s.item_id = k.v order by s.system, s.external_id", null, byId.keySet(), rs -> {
                    Map<String, Object> s = new LinkedHashMap<>();
                    s.put("system", rs.getString(2));
                    s.put("externalId", rs.getString(3));
                    s.put("provider", rs.getString(4));
                    s.put("active", rs.getBoolean(5));
                    list(byId.get(rs.getString(1)), "sources").add(s);
                });
        return items;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> item, String field) {
        return (List<Map<String, Object>>) item.get(field);
    }
}
