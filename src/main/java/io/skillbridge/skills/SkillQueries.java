package io.skillbridge.skills;

import com.fasterxml.jackson.databind.JsonNode;
import io.skillbridge.api.ApiException;
import io.skillbridge.catalog.Recommendations;
import io.skillbridge.skills.evidence.Evidence;
import io.skillbridge.skills.evidence.EvidenceLedger;
import io.skillbridge.skills.index.PersonFacts;
import io.skillbridge.skills.index.PersonProfile;
import io.skillbridge.skills.index.ProfileIndex;
import io.skillbridge.skills.match.GapAnalysis;
import io.skillbridge.skills.match.TalentSearch;
import io.skillbridge.skills.profile.ProfileCalculator.Contribution;
import io.skillbridge.skills.profile.ProfileCalculator.SkillLevel;
import io.skillbridge.skills.profile.ProfileService;
import io.skillbridge.skills.roles.RoleCatalog;
import io.skillbridge.skills.roles.RoleProfile;
import io.skillbridge.skills.scale.ProficiencyScales;
import io.skillbridge.skills.taxonomy.Skill;
import io.skillbridge.skills.taxonomy.Taxonomy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The questions the business asks of the skills store, answered from the in-memory index and shaped for the API:
 * a person's explained profile, the gap to a role, the roles a person is closest to, and who has given skills.
 */
@Service
public class SkillQueries {

    static final int MAX_ADJACENT = 100;
    static final int MAX_SEARCH_PAGE = 200;

    private final Taxonomy taxonomy;
    private final ProficiencyScales scales;
    private final ProfileService profiles;
    private final RoleCatalog roles;
    private final EvidenceLedger ledger;
    private final GapAnalysis gaps;
    private final TalentSearch search;
    private final JdbcTemplate jdbc;
    private final Recommendations recommendations;

    public SkillQueries(Taxonomy taxonomy, ProficiencyScales scales, ProfileService profiles, RoleCatalog roles,
                        EvidenceLedger ledger, JdbcTemplate jdbc, Recommendations recommendations) {
        this.jdbc = jdbc;
        this.recommendations = recommendations;
        this.taxonomy = taxonomy;
        this.scales = scales;
        this.profiles = profiles;
        this.roles = roles;
        this.ledger = ledger;
        this.gaps = new GapAnalysis(taxonomy, profiles.calculator().rules().relatedCreditCap());
        this.search = new TalentSearch(profiles.index());
    }

    private int person(String personId) {
        int ordinal = profiles.ordinalOf(personId);
        if (ordinal < 0) {
            throw ApiException.notFound("person", personId);
        }
        return ordinal;
    }

    private RoleProfile role(String roleId) {
        return roles.role(roleId).orElseThrow(() -> ApiException.notFound("role", roleId));
    }

    public Skill skill(String idOrName) {
        return taxonomy.resolve(idOrName).orElseThrow(() -> ApiException.notFound("skill", idOrName));
    }

    /** Every skill of a person with level, confidence and the evidence behind it, computed as of now. */
    public Map<String, Object> profile(String personId) {
        PersonFacts facts = profiles.index().facts(person(personId));
        ProfileService.Explained explained = profiles.explain(personId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("personId", personId);
        out.put("displayName", facts.displayName());
        out.put("taxonomyVersion", taxonomy.version());
        List<Map<String, Object>> skills = new ArrayList<>();
        for (SkillLevel level : explained.skills().values()) {
            Map<String, Object> s = skillRef(level.skillId());
            s.put("level", level.level());
            s.put("levelName", scales.levelName(level.level()));
            s.put("confidence", level.confidence());
            s.put("evidenceCount", level.evidenceCount());
            s.put("evidence", level.contributions().stream().map(SkillQueries::contribution).toList());
            skills.add(s);
        }
        out.put("skills", skills);
        out.put("withdrawn", explained.withdrawn().stream().map(e -> {
            Map<String, Object> w = evidence(e);
            w.put("withdrawnAt", e.withdrawnAt());
            w.put("withdrawnReason", e.withdrawnReason());
            return w;
        }).toList());
        return out;
    }

    /** Coverage of a role by a person, what is missing and by how much. */
    public Map<String, Object> gap(String personId, String roleId) {
        int ordinal = person(personId);
        RoleProfile role = role(roleId);
        GapAnalysis.Result r = gaps.analyse(profiles.index().profile(ordinal), role);
        Recommendations.Recommender recommender = recommendations.forGap(personId, role.id());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("personId", personId);
        out.put("role", roleRef(role));
        out.put("coverage", r.coverage());
        out.put("requirementCount", role.size());
        out.put("gapSize", round(r.gapSize()));
        out.put("missing", r.missing().stream().map(m -> {
            Map<String, Object> s = skillRef(taxonomy.skill(m.skill()).id());
            s.put("currentLevel", m.current());
            s.put("requiredLevel", m.required());
            s.put("delta", round(m.delta()));
            s.put("importance", m.importance());
            s.put("credit", round(m.credit()));
            if (m.relatedSkill() >= 0) {
                Map<String, Object> related = skillRef(taxonomy.skill(m.relatedSkill()).id());
                related.put("level", m.relatedLevel());
                s.put("creditFromRelated", related);
            }
            s.put("recommendations", recommender.forSkill(taxonomy.skill(m.skill()).id(), m.current(), m.required()));
            return s;
        }).toList());
        out.put("met", r.met().stream().map(m -> {
            Map<String, Object> s = skillRef(taxonomy.skill(m.skill()).id());
            s.put("currentLevel", m.current());
            s.put("requiredLevel", m.required());
            s.put("importance", m.importance());
            return s;
        }).toList());
        return out;
    }

    /**
     * Every active role with requirements, ranked by how much of it the person covers, with the size of each gap:
     * where the person could go next. Roles the person holds or held (by title: the same job in another HRIS is the
     * same job) are left out unless asked for, and a title offered by several HRIS is listed once, preferring the
     * person's own system.
     */
    public Map<String, Object> adjacentRoles(String personId, int limit, boolean includeHeld) {
        if (limit < 1 || limit > MAX_ADJACENT) {
            throw ApiException.badRequest("limit", "limit must be between 1 and " + MAX_ADJACENT);
        }
        int ordinal = person(personId);
        PersonFacts facts = profiles.index().facts(ordinal);
        PersonProfile profile = profiles.index().profile(ordinal);
        Set<String> held = new HashSet<>();
        if (!includeHeld) {
            jdbc.query("select r.title from employment e join job_role r on r.id = e.role_id where e.person_id = ?"
                    + " union select r.title from person p join job_role r on r.id = p.role_id where p.id = ?",
                    rs -> {
                        held.add(titleKey(rs.getString(1)));
                    }, personId, personId);
        }
        String ownSystem = facts.roleId() == null ? "" : facts.roleId().substring(0, facts.roleId().indexOf(':') + 1);
        record Ranked(RoleProfile role, GapAnalysis.Result result) {
        }
        Map<String, Ranked> byTitle = new HashMap<>();
        for (RoleProfile role : roles.roles()) {
            String title = titleKey(role.title() == null ? role.id() : role.title());
            if (role.active() && role.assessable() && !role.id().equals(facts.roleId()) && !held.contains(title)) {
                Ranked candidate = new Ranked(role, gaps.analyse(profile, role));
                byTitle.merge(title, candidate, (a, b) -> b.role().id().startsWith(ownSystem) ? b : a);
            }
        }
        List<Ranked> ranked = new ArrayList<>(byTitle.values());
        ranked.sort(Comparator.comparingDouble((Ranked r) -> r.result().coverage()).reversed()
                .thenComparingDouble(r -> r.result().gapSize()).thenComparing(r -> r.role().id()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("personId", personId);
        out.put("currentRole", facts.roleId());
        out.put("rolesConsidered", ranked.size());
        out.put("roles", ranked.stream().limit(limit).map(r -> {
            Map<String, Object> role = roleRef(r.role());
            role.put("coverage", r.result().coverage());
            role.put("missingCount", r.result().missing().size());
            role.put("gapSize", round(r.result().gapSize()));
            return role;
        }).toList());
        return out;
    }

    private static String titleKey(String title) {
        return Taxonomy.normalize(title);
    }

    /**
     * People who reach every requested level, ranked. The request: {@code skills: [{skill, minLevel}]} and optionally
     * {@code orgUnit} (the unit and all below it), {@code location}, {@code activeOnly} (default true), {@code page},
     * {@code size}.
     */
    public Map<String, Object> talentSearch(JsonNode request) {
        if (request == null || !request.isObject()) {
            throw ApiException.badRequest("", "the search must be a JSON object with a skills array");
        }
        JsonNode skillsNode = request.path("skills");
        if (!skillsNode.isArray() || skillsNode.isEmpty()) {
            throw ApiException.badRequest("skills", "skills must be a non-empty array of {skill, minLevel}");
        }
        if (skillsNode.size() > 20) {
            throw ApiException.badRequest("skills", "at most 20 skills per search");
        }
        Set<String> known = Set.of("skills", "orgUnit", "location", "activeOnly", "page", "size");
        request.fieldNames().forEachRemaining(f -> {
            if (!known.contains(f)) {
                throw ApiException.badRequest(f, "unknown field '" + f + "'; known: " + known);
            }
        });
        List<TalentSearch.Wanted> wanted = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < skillsNode.size(); i++) {
            JsonNode s = skillsNode.get(i);
            String field = "skills[" + i + "]";
            if (!s.path("skill").isTextual() || s.path("skill").asText().isBlank()) {
                throw ApiException.badRequest(field + ".skill", field + ".skill must name a skill (id, label or alias)");
            }
            JsonNode min = s.path("minLevel");
            if (!min.isMissingNode() && (!min.isNumber() || min.asDouble() < 0 || min.asDouble() > ProficiencyScales.MAX_LEVEL)) {
                throw ApiException.badRequest(field + ".minLevel", field + ".minLevel must be a number from 0 to 5");
            }
            Skill skill = skill(s.path("skill").asText());
            if (!seen.add(skill.ordinal())) {
                throw ApiException.badRequest(field + ".skill", "skill '" + skill.id() + "' is requested twice");
            }
            wanted.add(new TalentSearch.Wanted(skill.ordinal(), min.isMissingNode() ? 1 : min.asDouble()));
        }
        Set<String> units = null;
        if (request.hasNonNull("orgUnit")) {
            String unit = text(request, "orgUnit");
            if (!profiles.orgTree().contains(unit)) {
                throw ApiException.notFound("org unit", unit);
            }
            units = profiles.orgTree().subtree(unit);
        }
        JsonNode activeOnly = request.path("activeOnly");
        if (!activeOnly.isMissingNode() && !activeOnly.isBoolean()) {
            throw ApiException.badRequest("activeOnly", "activeOnly must be true or false");
        }
        int page = integer(request, "page", 0, 0, Integer.MAX_VALUE / MAX_SEARCH_PAGE);
        int size = integer(request, "size", 20, 1, MAX_SEARCH_PAGE);
        String location = request.hasNonNull("location") ? text(request, "location") : null;
        TalentSearch.Result result = search.search(wanted,
                TalentSearch.filter(units, location, activeOnly.asBoolean(true)), page * size, size);
        return searchResult(wanted, result, page, size);
    }

    private Map<String, Object> searchResult(List<TalentSearch.Wanted> wanted, TalentSearch.Result result, int page, int size) {
        ProfileIndex index = profiles.index();
        List<String> people = result.hits().stream().map(h -> index.facts(h.person()).id()).toList();
        List<String> skillIds = wanted.stream().map(w -> taxonomy.skill(w.skill()).id()).toList();
        Map<String, List<Evidence>> evidence = new LinkedHashMap<>();
        for (Evidence e : ledger.forPersons(people, skillIds)) {
            evidence.computeIfAbsent(e.personId() + "\u0000" + e.skillId(), k -> new ArrayList<>()).add(e);
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (TalentSearch.Hit hit : result.hits()) {
            PersonFacts p = index.facts(hit.person());
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("personId", p.id());
            item.put("displayName", p.displayName());
            item.put("roleId", p.roleId());
            item.put("orgUnitId", p.orgUnitId());
            item.put("location", p.location());
            item.put("score", hit.score());
            item.put("confidence", hit.confidence());
            List<Map<String, Object>> matched = new ArrayList<>();
            for (int i = 0; i < wanted.size(); i++) {
                Map<String, Object> s = skillRef(skillIds.get(i));
                s.put("level", hit.levels()[i]);
                s.put("minLevel", wanted.get(i).minLevel());
                s.put("evidence", evidence.getOrDefault(p.id() + "\u0000" + skillIds.get(i), List.of()).stream()
                        .map(SkillQueries::evidence).toList());
                matched.add(s);
            }
            item.put("matched", matched);
            items.add(item);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", items);
        out.put("page", page);
        out.put("size", size);
        out.put("total", result.total());
        return out;
    }

    private static String text(JsonNode request, String field) {
        JsonNode v = request.get(field);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw ApiException.badRequest(field, field + " must be a non-empty string");
        }
        return v.asText();
    }

    private static int integer(JsonNode request, String field, int dflt, int min, int max) {
        JsonNode v = request.path(field);
        if (v.isMissingNode()) {
            return dflt;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < min || v.asInt() > max) {
            throw ApiException.badRequest(field, field + " must be an integer from " + min + " to " + max);
        }
        return v.asInt();
    }

    private Map<String, Object> skillRef(String skillId) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("skill", skillId);
        s.put("label", taxonomy.byId(skillId).map(Skill::label).orElse(skillId));
        return s;
    }

    private static Map<String, Object> roleRef(RoleProfile role) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", role.id());
        r.put("title", role.title());
        r.put("family", role.family());
        r.put("requirementsFrom", role.source());
        return r;
    }

    private static Map<String, Object> contribution(Contribution c) {
        Map<String, Object> e = evidence(c.evidence());
        e.put("decay", round(c.decay()));
        e.put("effectiveLevel", round(c.effectiveLevel()));
        e.put("weight", round(c.weight()));
        e.put("part", c.part().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return e;
    }

    private static Map<String, Object> evidence(Evidence e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("kind", e.kind().wire());
        m.put("level", e.level());
        m.put("rawLevel", e.rawLevel());
        m.put("scale", e.scale());
        m.put("confidence", e.confidence());
        m.put("observedAt", e.observedAt());
        Map<String, Object> origin = new LinkedHashMap<>();
        origin.put("type", e.origin().type());
        origin.put("system", e.origin().system());
        origin.put("ref", e.origin().ref());
        origin.put("connectorId", e.origin().connectorId());
        m.put("origin", origin);
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
