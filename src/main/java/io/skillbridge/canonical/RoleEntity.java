package io.skillbridge.canonical;

import com.fasterxml.jackson.databind.JsonNode;
import io.skillbridge.connector.EntityHandler;
import io.skillbridge.connector.SourceRecord;
import org.springframework.stereotype.Component;

import java.util.List;

/** Job profiles delivered by their own connector: authoritative for every field, reconciled on a full snapshot. */
@Component
public class RoleEntity implements EntityHandler<RoleRecord> {

    private final ReferenceStore references;

    public RoleEntity(ReferenceStore references) {
        this.references = references;
    }

    @Override
    public String entity() {
        return "role";
    }

    @Override
    public Item<RoleRecord> toItem(SourceRecord source, JsonNode mapped) {
        RoleRecord r = RoleRecord.from(mapped);
        return new Item<>(source, r, WorkerRecord.sha256(r.toString()));
    }

    @Override
    public void apply(ApplyContext ctx, List<Item<RoleRecord>> items, PageOutcome out) {
        references.applyRoles(ctx, items, out);
    }

    @Override
    public void finish(ApplyContext ctx, boolean reconcile, PageOutcome out) {
        if (reconcile) {
            references.reconcileRoles(ctx, out);
        }
    }
}
