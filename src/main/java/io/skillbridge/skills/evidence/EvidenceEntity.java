package io.skillbridge.skills.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import io.skillbridge.canonical.ApplyContext;
import io.skillbridge.canonical.InvalidRecordException;
import io.skillbridge.canonical.Item;
import io.skillbridge.canonical.PageOutcome;
import io.skillbridge.canonical.WorkerRecord;
import io.skillbridge.connector.EntityHandler;
import io.skillbridge.connector.SourceRecord;
import io.skillbridge.identity.PersonLookup;
import io.skillbridge.skills.profile.ProfileCalculator;
import io.skillbridge.skills.scale.ProficiencyScales;
import io.skillbridge.skills.taxonomy.Skill;
import io.skillbridge.skills.taxonomy.Taxonomy;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Skills feeds (assessments, reviews, HRIS skills reports, self-assessments) through any connector kind: each record
 * becomes claims in the evidence ledger for the person it names. A record whose person, skill or level cannot be
 * resolved goes whole to dead letters, with the reason, so it can be replayed once the person arrives or the
 * taxonomy learns the skill.
 */
@Component
public class EvidenceEntity implements EntityHandler<EvidenceEntity.Resolved> {

    /**
     * A record whose skills and levels are resolved against the taxonomy and the scales, once, off the write path:
     * its claims wait only for the person and the origin.
     */
    public record Resolved(EvidenceRecord record, List<Claim> claims) {
    }

    static final String ORIGIN_TYPE = "evidence";

    private final EvidenceLedger ledger;
    private final PersonLookup people;
    private final Taxonomy taxonomy;
    private final ProficiencyScales scales;
    private final ProfileCalculator calculator;

    public EvidenceEntity(EvidenceLedger ledger, PersonLookup people, Taxonomy taxonomy, ProficiencyScales scales,
                          ProfileCalculator calculator) {
        this.ledger = ledger;
        this.people = people;
        this.taxonomy = taxonomy;
        this.scales = scales;
        this.calculator = calculator;
    }

    @Override
    public String entity() {
        return "skillEvidence";
    }

    @Override
    public Item<Resolved> toItem(SourceRecord source, JsonNode mapped) {
        EvidenceRecord r = EvidenceRecord.from(mapped);
        return new Item<>(source, new Resolved(r, r.deleted() ? List.of() : claims(r)), WorkerRecord.sha256(r.toString()));
    }

    @Override
    public void apply(ApplyContext ctx, List<Item<Resolved>> items, PageOutcome out) {
        Map<PersonLookup.Key, String> persons = people.resolve(ctx.system(), items.stream()
                .filter(i -> !i.record().record().deleted()).map(i -> i.record().record().person()).toList());
        List<Origin> origins = new ArrayList<>();
        List<Origin> deleted = new ArrayList<>();
        List<Claim> claims = new ArrayList<>();
        for (Item<Resolved> item : items) {
            EvidenceRecord r = item.record().record();
            Origin origin = new Origin(ORIGIN_TYPE, ctx.system(), r.externalId(), ctx.connectorId());
            if (r.deleted()) {
                deleted.add(origin);
                continue;
            }
            String person = persons.get(r.person());
            if (person == null) {
                out.rejected.add(PageOutcome.Rejected.unknownPerson(item.source(), r.person()));
                continue;
            }
            origins.add(origin);
            item.record().claims().forEach(c -> claims.add(c.of(person, origin)));
        }
        int changed = ledger.replace(origins, claims, ctx.fullSnapshot() ? ctx.runId() : null);
        int withdrawn = ledger.withdraw(deleted, "the source deleted the record");
        out.updated += changed + withdrawn;
        out.unchanged += Math.max(0, origins.size() + deleted.size() - changed - withdrawn);
    }

    @Override
    public void finish(ApplyContext ctx, boolean reconcile, PageOutcome out) {
        if (reconcile) {
            out.deactivated += ledger.withdrawNotSeen(ctx.connectorId(), ctx.runId(),
                    "no longer in the source's full snapshot");
        }
    }

    /** The record's claims, resolved, for a person and an origin still to come. */
    private List<Claim> claims(EvidenceRecord r) {
        List<Claim> claims = new ArrayList<>(r.skills().size());
        double confidence = r.confidence() != null ? r.confidence()
                : calculator.rules().defaultConfidence().get(r.kind());
        for (int i = 0; i < r.skills().size(); i++) {
            EvidenceRecord.SkillClaim s = r.skills().get(i);
            Skill skill = taxonomy.resolve(s.skill()).orElseThrow(() -> new InvalidRecordException(
                    "skills: '" + s.skill() + "' is not a skill of the taxonomy (id, label or alias)"));
            String scale = s.scale() != null ? s.scale() : r.scale();
            double level;
            try {
                level = scales.toCanonical(scale, s.level());
            } catch (IllegalArgumentException e) {
                throw new InvalidRecordException("skills[" + i + "].level: " + e.getMessage());
            }
            claims.add(new Claim(null, skill.id(), level, s.level(), scale == null ? ProficiencyScales.CANONICAL : scale,
                    r.kind(), confidence, r.observedAt(), null));
        }
        return List.copyOf(claims);
    }
}
