package io.skillbridge.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.skillbridge.skills.SkillQueries;
import io.skillbridge.skills.profile.ProfileService;
import io.skillbridge.skills.roles.RoleCatalog;
import io.skillbridge.skills.scale.ProficiencyScales;
import io.skillbridge.skills.taxonomy.Skill;
import io.skillbridge.skills.taxonomy.Taxonomy;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The skills taxonomy, explained profiles, gap analysis, adjacent roles and talent search. */
@RestController
@RequestMapping("/api/v1")
class SkillsController {

    private final SkillQueries queries;
    private final Taxonomy taxonomy;
    private final ProficiencyScales scales;
    private final RoleCatalog roles;
    private final ProfileService profiles;

    SkillsController(SkillQueries queries, Taxonomy taxonomy, ProficiencyScales scales, RoleCatalog roles,
                     ProfileService profiles) {
        this.profiles = profiles;
        this.queries = queries;
        this.taxonomy = taxonomy;
        this.scales = scales;
        this.roles = roles;
    }

    @Operation(summary = "The skills taxonomy, paged; filter by domain or a name search (labels and aliases)")
    @GetMapping("/skills")
    Map<String, Object> skills(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size,
                               @RequestParam(required = false) String domain, @RequestParam(required = false) String q) {
        Paging paging = Paging.of(page, size);
        String needle = q == null ? null : Taxonomy.normalize(q);
        List<Skill> matching = taxonomy.skills().stream()
                .filter(s -> domain == null || s.domain().equals(domain))
                .filter(s -> needle == null || Taxonomy.normalize(s.label()).contains(needle)
                        || s.aliases().stream().anyMatch(a -> Taxonomy.normalize(a).contains(needle)))
                .toList();
        Map<String, Object> out = paging.envelope(matching.stream().skip(paging.offset()).limit(paging.size())
                .map(SkillsController::skill).toList(), matching.size());
        out.put("taxonomyVersion", taxonomy.version());
        return out;
    }

    @Operation(summary = "One skill by id, label or alias, with its broader, narrower and related skills")
    @GetMapping("/skills/{id}")
    Map<String, Object> skill(@PathVariable String id) {
        Skill s = queries.skill(id);
        Map<String, Object> out = skill(s);
        out.put("narrower", taxonomy.children(s.id()).stream().map(Skill::id).toList());
        return out;
    }

    @Operation(summary = "The canonical 0-5 proficiency levels and every source scale that maps onto them")
    @GetMapping("/proficiency-scales")
    Map<String, Object> proficiencyScales() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("levels", scales.levelNames());
        out.put("scales", scales.scales().values().stream().map(m -> Map.of("name", m.name(),
                "description", m.description(), "type", m.getClass().getSimpleName().toLowerCase(Locale.ROOT))).toList());
        return out;
    }

    @Operation(summary = "A role's skill requirements (level 0-5, importance) and where they come from")
    @GetMapping("/roles/{id}/requirements")
    Map<String, Object> requirements(@PathVariable String id) {
        var role = roles.role(id).orElseThrow(() -> ApiException.notFound("role", id));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("roleId", role.id());
        out.put("title", role.title());
        out.put("requirementsFrom", role.source());
        out.put("skills", java.util.stream.IntStream.range(0, role.size()).mapToObj(i -> Map.of(
                "skill", taxonomy.skill(role.skills()[i]).id(), "label", taxonomy.skill(role.skills()[i]).label(),
                "requiredLevel", role.required()[i], "importance", role.importance()[i])).toList());
        return out;
    }

    @Operation(summary = "A person's skills: level, confidence and the evidence behind each, with the part each piece plays")
    @GetMapping("/persons/{id}/profile")
    Map<String, Object> profile(@PathVariable String id) {
        return queries.profile(id);
    }

    @Operation(summary = "Coverage (0-100, importance-weighted) of a role by a person, and each missing skill")
    @GetMapping("/persons/{id}/gap")
    Map<String, Object> gap(@PathVariable String id, @RequestParam String role) {
        return queries.gap(id, role);
    }

    @Operation(summary = "The roles a person covers best, with the size of each gap; roles held before only with includeHeld=true")
    @GetMapping("/persons/{id}/adjacent-roles")
    Map<String, Object> adjacentRoles(@PathVariable String id, @RequestParam(defaultValue = "10") int limit,
                                      @RequestParam(defaultValue = "false") boolean includeHeld) {
        return queries.adjacentRoles(id, limit, includeHeld);
    }

    @Operation(summary = "People who have the given skills at minimum levels, ranked, with the evidence that matched")
    @PostMapping("/talent-search")
    Map<String, Object> talentSearch(@RequestBody JsonNode request) {
        return queries.talentSearch(request);
    }

    @Operation(summary = "Recompute every profile from the evidence ledger now (it also runs daily, for decay)")
    @PostMapping("/profiles/rebuild")
    Map<String, Object> rebuild() throws Exception {
        long started = System.nanoTime();
        int people = profiles.rebuildOnWorker();
        return Map.of("people", people, "durationMs", (System.nanoTime() - started) / 1_000_000);
    }

    private static Map<String, Object> skill(Skill s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("label", s.label());
        m.put("domain", s.domain());
        m.put("broader", s.broaderId());
        m.put("aliases", s.aliases());
        m.put("related", s.related());
        m.put("uri", s.uri());
        m.put("description", s.description());
        return m;
    }
}
