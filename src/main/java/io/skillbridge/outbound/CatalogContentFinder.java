package io.skillbridge.outbound;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * The catalog's skill-tagged content ({@code content_item}, {@code content_skill}): active items that teach the
 * skill at a level above the person's, the closest to the required level first, shorter ones before longer ones.
 * The catalog's tables come with its own migration; until they exist nothing is recommended (and no assignment made).
 */
@Component
public class CatalogContentFinder implements ContentFinder {

    private static final Logger log = LoggerFactory.getLogger(CatalogContentFinder.class);

    private final JdbcTemplate jdbc;
    private volatile boolean catalogSeen;

    public CatalogContentFinder(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Content> closing(String skillId, double currentLevel, double requiredLevel, int limit) {
        if (!catalogPresent()) {
            return List.of();
        }
        return jdbc.query("select c.id, c.provider, c.external_id, c.title from content_item c"
                        + " join content_skill s on s.content_id = c.id where s.skill_id = ? and s.level > ? and c.active = true"
                        + " order by abs(s.level - ?), c.duration_minutes, c.id fetch first " + Math.max(1, limit) + " rows only",
                (rs, n) -> new Content(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                skillId, currentLevel, requiredLevel);
    }

    private boolean catalogPresent() {
        if (!catalogSeen) {
            catalogSeen = Boolean.TRUE.equals(jdbc.execute((Connection c) -> exists(c, "content_item") && exists(c, "content_skill")));
            if (!catalogSeen) {
                log.debug("no content catalog in the store yet: no content to assign");
            }
        }
        return catalogSeen;
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        for (String name : new String[]{table, table.toUpperCase(Locale.ROOT)}) {
            try (ResultSet rs = c.getMetaData().getTables(null, null, name, null)) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
