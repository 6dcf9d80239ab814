package io.skillbridge.canonical;

import com.fasterxml.jackson.databind.JsonNode;
import io.skillbridge.connector.EntityHandler;
import io.skillbridge.connector.SourceRecord;
import org.springframework.stereotype.Component;

import java.util.List;

/** Org units delivered by their own connector; parents are linked once the whole run is in. */
@Component
public class OrgUnitEntity implements EntityHandler<OrgUnitRecord> {

    private final ReferenceStore references;

    public OrgUnitEntity(ReferenceStore references) {
        this.references = references;
    }

    @Override
    public String entity() {
        return "orgUnit";
    }

    @Override
    public Item<OrgUnitRecord> toItem(SourceRecord source, JsonNode mapped) {
        OrgUnitRecord o = OrgUnitRecord.from(mapped);
        return new Item<>(source, o, WorkerRecord.sha256(o.toString()));
    }

    @Override
    public void apply(ApplyContext ctx, List<Item<OrgUnitRecord>> items, PageOutcome out) {
        references.applyOrgUnits(ctx, items, out);
    }

    @Override
    public void finish(ApplyContext ctx, boolean reconcile, PageOutcome out) {
        references.finishOrgUnits(ctx, reconcile, out);
    }
}
