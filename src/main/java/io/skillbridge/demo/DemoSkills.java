package io.skillbridge.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.skillbridge.demo.DemoOrgGenerator.DemoOrg;
import io.skillbridge.demo.DemoOrgGenerator.JobProfile;
import io.skillbridge.demo.DemoOrgGenerator.Move;
import io.skillbridge.demo.DemoOrgGenerator.Person;
import io.skillbridge.skills.taxonomy.Taxonomy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The skills the simulated Workday tenant holds on its workers' talent profiles, served as the RaaS report
 * {@code Skillbridge_Worker_Skills} (one row per worker and skill, rated on Workday's proficiency labels).
 *
 * <p>Shaped from the demo's role requirements so the demo shows meaningful gaps: people hold their current role's
 * skills around the required level (some a level below, some above) and a level less of what their earlier roles
 * required; about half of the senior support representatives have started on customer-success skills and about
 * half of the second-level data analysts on BI skills, which puts them closest to those roles.
 */
final class DemoSkills {

    private static final String[] RATINGS = {"Novice", "Developing", "Proficient", "Advanced", "Expert"};
    /** Skills the next step asks for, that some people have started on. */
    private static final Map<String, List<String>> HEAD_START = Map.of(
            "JP-CSR-3", List.of("Customer Success", "Account Management", "Customer Onboarding"),
            "JP-DA-2", List.of("Power BI", "Dashboard Design", "BI Data Modeling"));

    private final DemoOrg org;
    private final Map<String, Map<String, Integer>> requirementsByTitle;

    /** @param requirements the roles file ({@code config/roles/requirements.yaml}); skill ids become their labels */
    DemoSkills(DemoOrg org, Path requirements, Taxonomy taxonomy) {
        this.org = org;
        Map<String, String> labels = new HashMap<>();
        taxonomy.skills().forEach(s -> labels.put(s.id(), s.label()));
        this.requirementsByTitle = read(requirements, labels);
    }

    private static Map<String, Map<String, Integer>> read(Path file, Map<String, String> labels) {
        Map<String, Map<String, Integer>> byTitle = new HashMap<>();
        if (!Files.exists(file)) {
            return byTitle;
        }
        try {
            for (JsonNode role : new YAMLMapper().readTree(file.toFile()).path("roles")) {
                Map<String, Integer> skills = new LinkedHashMap<>();
                role.path("skills").forEach(s -> skills.put(labels.getOrDefault(s.path("skill").asText(),
                        s.path("skill").asText()), s.path("level").asInt()));
                byTitle.put(role.path("title").asText().toLowerCase(Locale.ROOT), skills);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byTitle;
    }

    /** The report: every Workday worker's skills, deterministic for the org's seed. */
    String report(ObjectMapper json) {
        Random rnd = new Random(DemoOrgGenerator.DEFAULT_SEED ^ 0x5C11L);
        ArrayNode entries = json.createArrayNode();
        for (Person p : org.people()) {
            if (!p.inWorkday()) {
                continue;
            }
            Map<String, Integer> levels = new LinkedHashMap<>();
            for (Move m : p.history()) {
                if (!m.jobProfileId().equals(p.jobProfileId())) {
                    required(m.jobProfileId()).forEach((skill, level) -> levels.merge(skill, Math.max(1, level - 1), Math::max));
                }
            }
            required(p.jobProfileId()).forEach((skill, level) -> {
                double draw = rnd.nextDouble();
                levels.merge(skill, clamp(level + (draw < 0.2 ? -1 : draw < 0.7 ? 0 : 1)), Math::max);
            });
            if (HEAD_START.containsKey(p.jobProfileId()) && rnd.nextBoolean()) {
                HEAD_START.get(p.jobProfileId()).forEach(skill -> levels.merge(skill, 2 + rnd.nextInt(2), Math::max));
            }
            LocalDate reference = p.terminated() ? p.terminationDate() : org.asOf();
            for (Map.Entry<String, Integer> s : levels.entrySet()) {
                ObjectNode e = entries.addObject().put("Worker_ID", p.workdayId()).put("Employee_ID", p.workdayId())
                        .put("Worker", p.displayName()).put("Skill", s.getKey())
                        .put("Proficiency", RATINGS[s.getValue() - 1])
                        .put("Last_Updated", reference.minusDays(rnd.nextInt(180)).toString());
                e.put("Skill_Source", "Talent Profile");
            }
        }
        return json.createObjectNode().set("Report_Entry", entries).toString();
    }

    private Map<String, Integer> required(String jobProfileId) {
        JobProfile job = org.jobProfile(jobProfileId);
        return requirementsByTitle.getOrDefault(job.title().toLowerCase(Locale.ROOT), Map.of());
    }

    private static int clamp(int level) {
        return Math.max(1, Math.min(5, level));
    }
}
