package io.skillbridge.outbound;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog's skill-tagged content ({@code content_item}, {@code content_skill}, {@code content_source}): active
 * items that teach the skill at a level above the person's, the closest to the required level first, shorter ones
 * before longer ones. An item offered by several systems is assigned once, through the source an enrolment target
 * serves when there is one (an LMS-hosted copy), else through its first source.
 */
@Component
public class CatalogContentFinder implements ContentFinder {

    private final JdbcTemplate jdbc;
    private final Targets targets;

    public CatalogContentFinder(JdbcTemplate jdbc, Targets targets) {
        this.jdbc = jdbc;
        this.targets = targets;
    }

    @Override
    public List<Content> closing(String skillId, double currentLevel, double requiredLevel, int limit) {
        Map<String, Content> byItem = new LinkedHashMap<>();
        jdbc.query("select c.id, src.system, src.external_id, c.title from content_item c"
                        + " join content_skill s on s.item_id = c.id"
                        + " join content_source src on src.item_id = c.id and src.active = true"
                        + " where s.skill_id = ? and s.level > ? and c.active = true"
                        + " order by abs(s.level - ?), c.duration_minutes, c.id, src.system",
                rs -> {
                    Content c = new Content(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
                    byItem.merge(c.id(), c, (first, other) -> !enrolable(first) && enrolable(other) ? other : first);
                }, skillId, currentLevel, requiredLevel);
        return new ArrayList<>(byItem.values()).subList(0, Math.min(Math.max(1, limit), byItem.size()));
    }

    private boolean enrolable(Content c) {
        return targets.all().stream().anyMatch(t -> t.wants(OutboundEvents.ASSIGNMENT_CREATED) && c.provider().equals(t.system()));
    }
}
