package io.skillbridge.outbound;

import io.skillbridge.canonical.Sql;
import io.skillbridge.skills.SkillQueries;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns skill gaps into assignments of content that closes them: a declared career goal (the gap to the target
 * role) and a performance review's development areas. Each new assignment writes its {@code assignment.created}
 * outbox rows (LMS enrolment, webhooks) in the same transaction.
 */
@Service
public class Assignments {

    /** The largest gaps first: a person gets a short list to start with, not the whole role at once. */
    static final int MAX_PER_GOAL = 5;
    static final int DUE_DAYS = 90;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final SkillQueries skills;
    private final ContentFinder content;
    private final OutboxWriter outbox;

    public Assignments(JdbcTemplate jdbc, TransactionTemplate tx, SkillQueries skills, ContentFinder content,
                       OutboxWriter outbox) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.skills = skills;
        this.content = content;
        this.outbox = outbox;
    }

    /** A skill the person should grow, from their level to the level wanted. */
    public record Gap(String skillId, double current, double required) {
    }

    /**
     * Records the person's goal and assigns content for the largest gaps to the role.
     *
     * @return the goal, the coverage of the role, and the assignments made now
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> setCareerGoal(String personId, String roleId) {
        Map<String, Object> gap = skills.gap(personId, roleId);
        List<Gap> gaps = new ArrayList<>();
        for (Map<String, Object> m : (List<Map<String, Object>>) gap.get("missing")) {
            if (gaps.size() < MAX_PER_GOAL) {
                gaps.add(new Gap((String) m.get("skill"), ((Number) m.get("currentLevel")).doubleValue(),
                        ((Number) m.get("requiredLevel")).doubleValue()));
            }
        }
        List<Assignment> made = tx.execute(s -> {
            jdbc.update("delete from career_goal where person_id = ?", personId);
            jdbc.update("insert into career_goal (person_id, role_id, set_at) values (?, ?, ?)", personId, roleId, Sql.now());
            return assign(personId, gaps, "career-goal", roleId);
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("personId", personId);
        out.put("roleId", roleId);
        out.put("coverage", gap.get("coverage"));
        out.put("assignments", made);
        return out;
    }

    /**
     * Assigns the best content for each gap, unless the person already has it assigned. Runs in the caller's
     * transaction.
     */
    public List<Assignment> assign(String personId, List<Gap> gaps, String reason, String reasonRef) {
        List<Assignment> made = new ArrayList<>();
        LocalDate due = LocalDate.now(ZoneOffset.UTC).plusDays(DUE_DAYS);
        for (Gap g : gaps) {
            for (ContentFinder.Content c : content.closing(g.skillId(), g.current(), g.required(), 1)) {
                // assigned once: a completed assignment of the same content is not made again
                Integer open = jdbc.queryForObject("select count(*) from assignment where person_id = ? and content_id = ?"
                        + " and status in ('assigned', 'completed')", Integer.class, personId, c.id());
                if (open != null && open > 0) {
                    continue;
                }
                Assignment a = new Assignment(UUID.randomUUID().toString(), personId, c.id(), c.provider(), c.externalId(),
                        c.title(), g.skillId(), reason, reasonRef, "assigned", due);
                jdbc.update("insert into assignment (id, person_id, content_id, content_provider, content_external_id,"
                        + " content_title, skill_id, reason, reason_ref, status, due_date, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", a.id(), a.personId(), a.contentId(),
                        a.contentProvider(), a.contentExternalId(), a.contentTitle(), a.skillId(), a.reason(),
                        a.reasonRef(), a.status(), a.dueDate(), Sql.now());
                outbox.assignmentCreated(a);
                made.add(a);
            }
        }
        return made;
    }

    public List<Map<String, Object>> forPerson(String personId) {
        return jdbc.queryForList("select id, content_id, content_provider, content_external_id, content_title, skill_id,"
                + " reason, reason_ref, status, due_date, created_at, completed_at from assignment where person_id = ?"
                + " order by created_at, id", personId);
    }
}
