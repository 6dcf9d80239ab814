package io.skillbridge.outbound;

import io.skillbridge.connector.SyncRunFinished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes the loop of an assignment: once the LMS reports the person's completion of the assigned content (a learning
 * record of the same person for the same catalog item, or for the same course in the system that hosts it), the
 * assignment is completed and the record marked {@code assigned}, so that what remains unassigned is the voluntary
 * learning the KPIs count. Run after each learning-record sync from the store's state rather than from the page's
 * records: a run that stopped half-way, or a catalog link that came later, is caught up by the next run.
 */
@Component
public class AssignmentCompletions {

    private static final Logger log = LoggerFactory.getLogger(AssignmentCompletions.class);
    /** A learning record of the assignment's person and content. */
    private static final String SAME_CONTENT = "r.person_id = a.person_id and (r.content_item_id = a.content_id"
            + " or (r.source_system = a.content_provider and r.activity_id = a.content_external_id))";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public AssignmentCompletions(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @EventListener
    public void on(SyncRunFinished run) {
        if ("learningRecord".equals(run.entity())) {
            int completed = reconcile();
            if (completed > 0) {
                log.info("{} assignments completed by run {} of {}", completed, run.runId(), run.connectorId());
            }
        }
    }

    /** @return how many assignments were completed now */
    public int reconcile() {
        return tx.execute(s -> {
            int completed = jdbc.update("update assignment a set status = 'completed', completed_at = (select"
                    + " min(coalesce(r.completed_at, r.recorded_at)) from learning_record r where " + SAME_CONTENT
                    + " and r.status in ('completed', 'passed')) where a.status = 'assigned' and exists (select 1"
                    + " from learning_record r where " + SAME_CONTENT + " and r.status in ('completed', 'passed'))");
            // a record that first came in after the assignment was caused by it, whatever the LMS says; one from
            // before was learning the person chose
            jdbc.update("update learning_record r set assigned = true where r.assigned = false and exists (select 1"
                    + " from assignment a where " + SAME_CONTENT + " and a.status in ('assigned', 'completed')"
                    + " and r.recorded_at >= a.created_at)");
            return completed;
        });
    }
}
