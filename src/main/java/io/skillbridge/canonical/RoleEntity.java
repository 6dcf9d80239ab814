package io.skillbridge.canonical;

import com.fasterxml.jackson.databind.JsonNode;
import io.skillbridge.connector.EntityHandler;
import io.skillbridge.connector.SourceRecord;
import io.skillbridge.skills.roles.RoleCatalog;
import io.skillbridge.skills.roles.RoleRequirementStore;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Job profiles delivered by their own connector: authoritative for every field, reconciled on a full snapshot; the
 * skills a profile requires, where the vendor keeps them, go to the skills engine's role requirements.
 */
@Component
public class RoleEntity implements EntityHandler<RoleEntity.Resolved> {

    /** A job profile with its requirements resolved against the taxonomy (null: the record says nothing of them). */
    public record Resolved(RoleRecord role, List<RoleCatalog.Requirement> requirements) {
    }

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
    public Item<Resolved> toItem(SourceRecord source, JsonNode mapped) {
        RoleRecord r = RoleRecord.from(mapped);
        // a requirement the taxonomy cannot place stops the record here, before the page's transaction
        List<RoleCatalog.Requirement> resolved = r.requirements() == null ? null : requirements.resolve(r.requirements());
        return new Item<>(source, new Resolved(r, resolved), WorkerRecord.sha256(r.toString()));
    }

    @Override
    public void apply(ApplyContext ctx, List<Item<Resolved>> items, PageOutcome out) {
        references.applyRoles(ctx, items.stream().map(i -> new Item<>(i.source(), i.record().role(), i.hash())).toList(), out);
        for (Item<Resolved> item : items) {
            if (item.record().requirements() != null) {
                requirements.replace(RoleRecord.canonicalId(ctx.system(), item.record().role().externalId()),
                        item.record().requirements());
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
