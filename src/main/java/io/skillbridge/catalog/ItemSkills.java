package io.skillbridge.catalog;

import io.skillbridge.canonical.Sql;
import io.skillbridge.skills.evidence.Claim;
import io.skillbridge.skills.evidence.Origin;
import io.skillbridge.skills.evidence.SourceKind;
import io.skillbridge.skills.scale.ProficiencyScales;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
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

        /** The level taught, no higher than the score's level when there is a score. */
        public Shown cappedBy(Double score, String scoreScale, ProficiencyScales scales) {
            if (score == null) {
                return Shown.canonical(level);
            }
            Shown byScore = Shown.score(score, scoreScale, scales);
            return new Shown(Math.min(level, byScore.level()), byScore.rawLevel(), byScore.scale());
        }

        /**
         * The claim that a person's learning of the item shows this skill as {@code shown}; the source's confidence
         * weighed by how surely the item teaches the skill.
         */
        public Claim claim(String person, Shown shown, SourceKind kind, double sourceConfidence, Instant observedAt,
                           Origin origin) {
            return new Claim(person, skillId, shown.level(), shown.rawLevel(), shown.scale(), kind,
                    Math.round(sourceConfidence * confidence * 1000) / 1000.0, observedAt, origin);
        }
    }

    /** A level that learning shows, and what it was read from: the canonical scale's level itself, or a score on its scale. */
    public record Shown(double level, String rawLevel, String scale) {

        public static Shown canonical(double level) {
            return new Shown(level, Double.toString(level), ProficiencyScales.CANONICAL);
        }

        /** The level a score on {@code scale} shows. */
        public static Shown score(double score, String scale, ProficiencyScales scales) {
            return new Shown(scales.toCanonical(scale, Double.toString(score)), Double.toString(score), scale);
        }
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
