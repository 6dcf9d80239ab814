package io.skillbridge.skills.roles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.skillbridge.skills.taxonomy.Skill;
import io.skillbridge.skills.taxonomy.Taxonomy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The roles the hub knows (synced job profiles) with their skill requirements. Requirements come from the roles
 * file in {@code config/roles/requirements.yaml}, by role id or by title, and otherwise from what a connector
 * delivered with the job profile: IT's curated file wins over the vendor's data.
 */
@Component
public class RoleCatalog {

    /** One requirement as configured, before it is bound to the taxonomy's arrays. */
    public record Requirement(String skillId, double level, double importance) {
    }

    private final JdbcTemplate jdbc;
    private final Taxonomy taxonomy;
    private final Map<String, List<Requirement>> byRoleId = new HashMap<>();
    private final Map<String, List<Requirement>> byTitle = new HashMap<>();
    private volatile Map<String, RoleProfile> roles = Map.of();

    public RoleCatalog(JdbcTemplate jdbc, Taxonomy taxonomy, @Value("${skillbridge.home:.}") String home) {
        this.jdbc = jdbc;
        this.taxonomy = taxonomy;
        Path file = Path.of(home).resolve("config/roles/requirements.yaml");
        if (Files.exists(file)) {
            readFile(file);
        }
        refresh();
    }

    private void readFile(Path file) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        int index = 0;
        for (JsonNode entry : root.path("roles")) {
            String where = "requirements.yaml: roles[" + index++ + "]";
            String role = entry.path("role").asText("");
            String title = entry.path("title").asText("");
            if (role.isEmpty() == title.isEmpty()) {
                problems.add(where + ": give either role ('<system>:<external id>') or title");
                continue;
            }
            List<Requirement> reqs = new ArrayList<>();
            for (JsonNode s : entry.path("skills")) {
                String skill = s.path("skill").asText("");
                Optional<Skill> known = taxonomy.byId(skill);
                double level = s.path("level").asDouble(-1);
                double importance = s.path("importance").asDouble(1);
                if (known.isEmpty()) {
                    problems.add(where + " (" + (role.isEmpty() ? title : role) + "): unknown skill '" + skill + "'");
                } else if (level < 0 || level > 5 || importance < 0 || importance > 5) {
                    problems.add(where + " (" + (role.isEmpty() ? title : role) + "): skill '" + skill
                            + "' needs level 0-5 and importance 0-5");
                } else {
                    reqs.add(new Requirement(skill, level, importance));
                }
            }
            (role.isEmpty() ? byTitle : byRoleId).put(role.isEmpty() ? key(title) : role, List.copyOf(reqs));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The hub will not start with these role requirements:\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    private static String key(String title) {
        return title.trim().toLowerCase(Locale.ROOT);
    }

    /** Reloads the roles and the requirements connectors delivered: after a sync that may have changed them. */
    public synchronized void refresh() {
        Map<String, List<Requirement>> delivered = new HashMap<>();
        jdbc.query("select role_id, skill_id, required_level, importance from role_skill", rs -> {
            if (taxonomy.byId(rs.getString(2)).isPresent()) {
                delivered.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new Requirement(rs.getString(2), rs.getDouble(3), rs.getDouble(4)));
            }
        });
        Map<String, RoleProfile> loaded = new LinkedHashMap<>();
        jdbc.query("select id, title, family, active from job_role order by id", rs -> {
            String id = rs.getString(1);
            String title = rs.getString(2);
            List<Requirement> reqs = byRoleId.get(id);
            String source = "config";
            if (reqs == null && title != null) {
                reqs = byTitle.get(key(title));
            }
            if (reqs == null) {
                reqs = delivered.get(id);
                source = reqs == null ? "none" : "connector";
            }
            loaded.put(id, profile(id, title, rs.getString(3), rs.getBoolean(4), reqs == null ? List.of() : reqs, source));
        });
        roles = loaded;
    }

    private RoleProfile profile(String id, String title, String family, boolean active, List<Requirement> reqs,
                                String source) {
        int[] skills = new int[reqs.size()];
        double[] required = new double[reqs.size()];
        double[] importance = new double[reqs.size()];
        for (int i = 0; i < reqs.size(); i++) {
            skills[i] = taxonomy.byId(reqs.get(i).skillId()).orElseThrow().ordinal();
            required[i] = reqs.get(i).level();
            importance[i] = reqs.get(i).importance();
        }
        return new RoleProfile(id, title, family, active, skills, required, importance, source);
    }

    public Optional<RoleProfile> role(String id) {
        return Optional.ofNullable(roles.get(id));
    }

    public Collection<RoleProfile> roles() {
        return roles.values();
    }
}
