package io.skillbridge.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import io.skillbridge.canonical.ApplyContext;
import io.skillbridge.canonical.InvalidRecordException;
import io.skillbridge.canonical.Item;
import io.skillbridge.canonical.PageOutcome;
import io.skillbridge.canonical.RecordValues;
import io.skillbridge.canonical.Sql;
import io.skillbridge.canonical.WorkerRecord;
import io.skillbridge.connector.EntityHandler;
import io.skillbridge.connector.SourceRecord;
import io.skillbridge.identity.PersonLookup;
import io.skillbridge.skills.taxonomy.Skill;
import io.skillbridge.skills.taxonomy.Taxonomy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Performance reviews from the HRIS (entity {@code performanceReview}): the review is kept, and each development
 * area becomes an assignment of content that grows the skill a level, in the page's transaction (the
 * performance-learning loop). A review delivered again unchanged assigns nothing.
 */
@Component
public class PerformanceReviewEntity implements EntityHandler<PerformanceReviewEntity.Review> {

    /** A mapped review: {@code {externalId, person{externalId|employeeId|workEmail}, period, rating, developmentAreas[]}}. */
    public record Review(String externalId, PersonLookup.Key person, String period, String rating,
                         List<Area> developmentAreas) {
    }

    /** A skill to develop, to {@code level} when the review names one, otherwise a level above the current. */
    public record Area(String skillId, Double level) {
    }

    private final JdbcTemplate jdbc;
    private final PersonLookup people;
    private final Taxonomy taxonomy;
    private final Assignments assignments;

    public PerformanceReviewEntity(JdbcTemplate jdbc, PersonLookup people, Taxonomy taxonomy, Assignments assignments) {
        this.jdbc = jdbc;
        this.people = people;
        this.taxonomy = taxonomy;
        this.assignments = assignments;
    }

    @Override
    public String entity() {
        return "performanceReview";
    }

    @Override
    public Item<Review> toItem(SourceRecord source, JsonNode n) {
        JsonNode p = n.path("person");
        PersonLookup.Key person = new PersonLookup.Key(RecordValues.text(p, "externalId"), RecordValues.text(p, "employeeId"),
                RecordValues.text(p, "workEmail"));
        if (person.isEmpty()) {
            throw new InvalidRecordException("person: needs externalId, employeeId or workEmail");
        }
        List<Area> areas = new ArrayList<>();
        JsonNode list = n.path("developmentAreas");
        for (int i = 0; i < list.size(); i++) {
            JsonNode a = list.get(i);
            String name = a.isTextual() ? a.asText() : RecordValues.text(a, "skill");
            int index = i;
            Skill skill = taxonomy.resolve(name == null ? "" : name).orElseThrow(() -> new InvalidRecordException(
                    "developmentAreas[" + index + "]: '" + name + "' is not a skill of the taxonomy (id, label or alias)"));
            Double level = a.hasNonNull("level") ? a.get("level").asDouble() : null;
            if (level != null && (level < 0 || level > 5)) {
                throw new InvalidRecordException("developmentAreas[" + i + "].level: must be 0-5 (canonical scale)");
            }
            areas.add(new Area(skill.id(), level));
        }
        Review r = new Review(RecordValues.requiredText(n, "externalId"), person, RecordValues.text(n, "period"),
                RecordValues.text(n, "rating"), List.copyOf(areas));
        return new Item<>(source, r, WorkerRecord.sha256(r.toString()));
    }

    @Override
    public void apply(ApplyContext ctx, List<Item<Review>> items, PageOutcome out) {
        Map<PersonLookup.Key, String> persons = people.resolve(ctx.system(), items.stream().map(i -> i.record().person()).toList());
        for (Item<Review> item : items) {
            Review r = item.record();
            String person = persons.get(r.person());
            if (person == null) {
                out.rejected.add(PageOutcome.Rejected.unknownPerson(item.source(), r.person()));
                continue;
            }
            List<String> stored = jdbc.queryForList("select record_hash from performance_review where system = ?"
                    + " and external_id = ?", String.class, ctx.system(), r.externalId());
            if (stored.contains(item.hash())) {
                out.unchanged++;
                continue;
            }
            jdbc.update("delete from performance_review where system = ? and external_id = ?", ctx.system(), r.externalId());
            jdbc.update("insert into performance_review (system, external_id, person_id, period, rating, development_areas,"
                    + " record_hash, received_at) values (?, ?, ?, ?, ?, ?, ?, ?)", ctx.system(), r.externalId(), person,
                    r.period(), r.rating(), String.join(",", r.developmentAreas().stream().map(Area::skillId).toList()),
                    item.hash(), Sql.now());
            assignments.assign(person, gaps(person, r.developmentAreas()), "review", ctx.system() + ":" + r.externalId());
            if (stored.isEmpty()) {
                out.created++;
            } else {
                out.updated++;
            }
        }
    }

    private List<Assignments.Gap> gaps(String person, List<Area> areas) {
        Map<String, Double> levels = new HashMap<>();
        jdbc.query("select skill_id, level from skill_profile where person_id = ?",
                rs -> {
                    levels.put(rs.getString(1), rs.getDouble(2));
                }, person);
        return areas.stream().map(a -> {
            double current = levels.getOrDefault(a.skillId(), 0.0);
            return new Assignments.Gap(a.skillId(), current, a.level() != null ? a.level() : Math.min(5, Math.floor(current) + 1));
        }).toList();
    }
}
