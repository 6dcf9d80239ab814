package io.skillbridge.skills.roles;

import io.skillbridge.canonical.InvalidRecordException;
import io.skillbridge.canonical.RoleRecord;
import io.skillbridge.skills.scale.ProficiencyScales;
import io.skillbridge.skills.taxonomy.Skill;
import io.skillbridge.skills.taxonomy.Taxonomy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The requirements a connector delivers with a job profile (Workday job profiles carry skills with a required
 * proficiency), kept in {@code role_skill}. The roles file in {@code config/roles} overrides them role by role.
 */
@Repository
public class RoleRequirementStore {

    /** Importance when the vendor states none: every requirement the vendor lists matters, none is critical. */
    static final double DEFAULT_IMPORTANCE = 3;

    private final JdbcTemplate jdbc;
    private final Taxonomy taxonomy;
    private final ProficiencyScales scales;

    public RoleRequirementStore(JdbcTemplate jdbc, Taxonomy taxonomy, ProficiencyScales scales) {
        this.jdbc = jdbc;
        this.taxonomy = taxonomy;
        this.scales = scales;
    }

    /**
     * The requirements on the canonical scale, by taxonomy skill id.
     *
     * @throws InvalidRecordException naming the requirement whose skill, level or importance cannot be read
     */
    public List<RoleCatalog.Requirement> resolve(List<RoleRecord.Requirement> requirements) {
        Map<String, RoleCatalog.Requirement> resolved = new LinkedHashMap<>();
        for (int i = 0; i < requirements.size(); i++) {
            RoleRecord.Requirement r = requirements.get(i);
            String field = "requirements[" + i + "]";
            Skill skill = taxonomy.resolve(r.skill()).orElseThrow(() -> new InvalidRecordException(
                    field + ".skill: '" + r.skill() + "' is not a skill of the taxonomy (id, label or alias)"));
            double level;
            double importance;
            try {
                level = scales.toCanonical(r.scale(), r.level());
                importance = r.importance() == null ? DEFAULT_IMPORTANCE : Double.parseDouble(r.importance());
            } catch (IllegalArgumentException e) {
                throw new InvalidRecordException(field + ": " + e.getMessage());
            }
            if (importance < 0 || importance > 5) {
                throw new InvalidRecordException(field + ".importance: must be from 0 to 5");
            }
            resolved.put(skill.id(), new RoleCatalog.Requirement(skill.id(), level, importance));
        }
        return new ArrayList<>(resolved.values());
    }

    /** Replaces what the role requires, in the caller's transaction. */
    public void replace(String roleId, List<RoleCatalog.Requirement> requirements) {
        jdbc.update("delete from role_skill where role_id = ?", roleId);
        jdbc.batchUpdate("insert into role_skill (role_id, skill_id, required_level, importance) values (?, ?, ?, ?)",
                requirements.stream().map(r -> new Object[]{roleId, r.skillId(), r.level(), r.importance()}).toList());
    }
}
