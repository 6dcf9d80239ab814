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
public class EvidenceEntity implements EntityHandler<EvidenceRecord> {

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
    public Item<EvidenceRecord> toItem(SourceRecord source, JsonNode mapped) {
        EvidenceRecord r = EvidenceRecord.from(mapped);
        // skills and levels are checked here, off the write path, so a bad one never reaches the page's transaction
        if (!r.deleted()) {
            claims(r, "", null);
        }
        return new Item<>(source, r, WorkerRecord.sha256(r.toString()));
    }

    @Override
    public void apply(ApplyContext ctx, List<Item<EvidenceRecord>> items, PageOutcome out) {
        Map<PersonLookup.Key, String> persons = people.resolve(ctx.system(), items.stream()
                .filter(i -> !i.record().deleted()).map(i -> i.record().person()).toList());
        List<Origin> origins = new ArrayList<>();
        List<Origin> deleted = new ArrayList<>();
        List<Claim> claims = new ArrayList<>();
        for (Item<EvidenceRecord> item : items) {
            EvidenceRecord r = item.record();
            Origin origin = new Origin(ORIGIN_TYPE, ctx.system(), r.externalId(), ctx.connectorId());
            if (r.deleted()) {
                deleted.add(origin);
                continue;
            }
            String person = persons.get(r.person());
            if (person == null) {
                out.rejected.add(PageOutcome.Rejected.reference(item.source().ref(), "no single person is known by "
                        + r.person() + " (yet): replay once the HRIS has delivered them", item.source().payload().toString()));
                continue;
            }
            origins.add(origin);
            claims.addAll(claims(r, person, origin));
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

    private List<Claim> claims(EvidenceRecord r, String person, Origin origin) {
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
            claims.add(new Claim(person, skill.id(), level, s.level(), scale == null ? ProficiencyScales.CANONICAL : scale,
                    r.kind(), confidence, r.observedAt(), origin));
        }
        return claims;
    }
}
