package io.skillbridge.canonical;

import com.fasterxml.jackson.databind.JsonNode;
import io.skillbridge.connector.EntityHandler;
import io.skillbridge.connector.SourceRecord;
import io.skillbridge.skills.roles.RoleRequirementStore;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Job profiles delivered by their own connector: authoritative for every field, reconciled on a full snapshot; the
 * skills a profile requires, where the vendor keeps them, go to the skills engine's role requirements.
 */
@Component
public class RoleEntity implements EntityHandler<RoleRecord> {

    private final ReferenceStore references;
    private final RoleRequirementStore requirements;

    public RoleEntity(ReferenceStore references, RoleRequirementStore requirements) {
        this.references = references;
        this.requirements = requirements;
    }

    @Override
    public String entity() {
        return "role";
    }

    @Override
    public Item<RoleRecord> toItem(SourceRecord source, JsonNode mapped) {
        RoleRecord r = RoleRecord.from(mapped);
        if (r.requirements() != null) {
            // a requirement the taxonomy cannot place stops the record here, before the page's transaction
            requirements.resolve(r.requirements());
        }
        return new Item<>(source, r, WorkerRecord.sha256(r.toString()));
    }

    @Override
    public void apply(ApplyContext ctx, List<Item<RoleRecord>> items, PageOutcome out) {
        references.applyRoles(ctx, items, out);
        for (Item<RoleRecord> item : items) {
            if (item.record().requirements() != null) {
                requirements.replace(RoleRecord.canonicalId(ctx.system(), item.record().externalId()),
                        requirements.resolve(item.record().requirements()));
            }
        }
    }

    @Override
    public void finish(ApplyContext ctx, boolean reconcile, PageOutcome out) {
        if (reconcile) {
            references.reconcileRoles(ctx, out);
        }
    }
}
