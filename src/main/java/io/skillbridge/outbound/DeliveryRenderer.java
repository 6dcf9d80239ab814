package io.skillbridge.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skillbridge.canonical.Sql;
import io.skillbridge.canonical.mapping.MappingService;
import io.skillbridge.skills.scale.ProficiencyScales;
import io.skillbridge.skills.taxonomy.Skill;
import io.skillbridge.skills.taxonomy.Taxonomy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * What a delivery sends. A webhook gets the event envelope; a mapped target gets what its mapping makes of the
 * person as the hub now holds them: the ids, the derived skills with proficiency and an evidence summary, and the
 * event's data. Only hub-owned fields are offered to mappings: title, org and manager belong to the HRIS and are
 * never written back.
 */
@Component
public class DeliveryRenderer {

    private final JdbcTemplate jdbc;
    private final MappingService mappings;
    private final Taxonomy taxonomy;
    private final ProficiencyScales scales;
    private final ObjectMapper json;

    public DeliveryRenderer(JdbcTemplate jdbc, MappingService mappings, Taxonomy taxonomy, ProficiencyScales scales,
                            ObjectMapper json) {
        this.jdbc = jdbc;
        this.mappings = mappings;
        this.taxonomy = taxonomy;
        this.scales = scales;
        this.json = json;
    }

    /** A row of the outbox as the dispatcher reads it. */
    record Row(long id, String event, String targetId, String personId, String payload, String body,
               String idempotencyKey, int attempts, String createdAt) {
    }

    /** The body of the row's delivery to the target (null when the mapping returns nothing: nothing to send). */
    JsonNode render(Target target, Row row) {
        if (target.mapping() == null) {
            ObjectNode envelope = json.createObjectNode();
            envelope.put("id", row.idempotencyKey());
            envelope.put("event", row.event());
            envelope.put("createdAt", row.createdAt());
            envelope.set("data", read(row.payload()));
            return envelope;
        }
        return mappings.map(target.mapping(), input(target, row));
    }

    /** The document a target's mapping receives; its shape is documented in docs/outbound.md. */
    JsonNode input(Target target, Row row) {
        ObjectNode in = json.createObjectNode();
        in.put("event", row.event());
        in.put("idempotencyKey", row.idempotencyKey());
        in.set("person", person(target, row.personId()));
        in.set("skills", json.valueToTree(jdbc.query("select skill_id, level, confidence, evidence_count from skill_profile"
                + " where person_id = ? order by skill_id", (rs, n) -> {
                    String id = rs.getString(1);
                    double level = rs.getDouble(2);
                    return Map.of("skill", id, "label", taxonomy.byId(id).map(Skill::label).orElse(id),
                            "uri", taxonomy.byId(id).map(Skill::uri).filter(u -> u != null).orElse(""),
                            "level", Math.round(level * 100) / 100.0, "levelName", scales.levelName(level),
                            "confidence", Math.round(rs.getDouble(3) * 100) / 100.0, "evidenceCount", rs.getInt(4));
                }, row.personId())));
        List<Map<String, Object>> kinds = jdbc.query("select source_kind, count(*) as n, max(observed_at) as last_at"
                + " from skill_evidence where person_id = ? and withdrawn_at is null group by source_kind order by source_kind",
                (rs, n) -> Map.of("kind", rs.getString(1), "count", rs.getInt(2),
                        "lastObservedAt", Sql.instant(rs, "last_at").toString()), row.personId());
        ObjectNode evidence = in.putObject("evidence");
        evidence.put("count", kinds.stream().mapToInt(k -> (Integer) k.get("count")).sum());
        evidence.set("bySource", json.valueToTree(kinds));
        in.set("data", read(row.payload()));
        return in;
    }

    private ObjectNode person(Target target, String personId) {
        ObjectNode p = json.createObjectNode();
        p.put("id", personId);
        jdbc.query("select employee_id, work_email, given_name, family_name, display_name from person where id = ?", rs -> {
            p.put("employeeId", rs.getString(1));
            p.put("workEmail", rs.getString(2));
            p.put("givenName", rs.getString(3));
            p.put("familyName", rs.getString(4));
            p.put("displayName", rs.getString(5));
        }, personId);
        if (target.system() != null) {
            jdbc.query("select external_id from identity_link where person_id = ? and system = ? and active = true"
                    + " order by created_at fetch first 1 rows only", rs -> {
                        p.put("externalId", rs.getString(1));
                    }, personId, target.system());
        }
        return p;
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
