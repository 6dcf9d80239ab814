package io.skillbridge.kpi.requisition;

import com.fasterxml.jackson.databind.JsonNode;
import io.skillbridge.canonical.ApplyContext;
import io.skillbridge.canonical.Item;
import io.skillbridge.canonical.PageOutcome;
import io.skillbridge.canonical.WorkerRecord;
import io.skillbridge.connector.EntityHandler;
import io.skillbridge.connector.SourceRecord;
import io.skillbridge.identity.PersonLookup;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Requisitions from an applicant tracking or recruiting system, through any connector kind: what the internal fill
 * rate counts. A hired person the hub does not know yet does not hold the requisition back (the fill still counts);
 * the link to the person is retried on the next run.
 */
@Component
public class RequisitionEntity implements EntityHandler<RequisitionRecord> {

    private final RequisitionStore store;
    private final PersonLookup people;

    public RequisitionEntity(RequisitionStore store, PersonLookup people) {
        this.store = store;
        this.people = people;
    }

    @Override
    public String entity() {
        return "requisition";
    }

    @Override
    public Item<RequisitionRecord> toItem(SourceRecord source, JsonNode mapped) {
        RequisitionRecord r = RequisitionRecord.from(mapped);
        return new Item<>(source, r, WorkerRecord.sha256(r.toString()));
    }

    @Override
    public void apply(ApplyContext ctx, List<Item<RequisitionRecord>> items, PageOutcome out) {
        Map<PersonLookup.Key, String> hired = people.resolve(ctx.system(), items.stream()
                .map(i -> i.record().hiredPerson()).filter(Objects::nonNull).toList());
        store.apply(ctx, items, hired, out);
    }

    @Override
    public void finish(ApplyContext ctx, boolean reconcile, PageOutcome out) {
        if (reconcile) {
            out.deactivated += store.reconcile(ctx);
        }
    }
}
