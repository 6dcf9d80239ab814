package io.skillbridge.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.skillbridge.canonical.ApplyContext;
import io.skillbridge.canonical.Item;
import io.skillbridge.canonical.PageOutcome;
import io.skillbridge.canonical.Sql;
import io.skillbridge.canonical.WorkerRecord;
import io.skillbridge.connector.EntityHandler;
import io.skillbridge.connector.SourceRecord;
import io.skillbridge.identity.PersonIds;
import io.skillbridge.skills.scale.ProficiencyScales;
import io.skillbridge.skills.taxonomy.Taxonomy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Content library and catalog records (LinkedIn Learning, Coursera, a generic catalog file): each provider record
 * becomes a source of one canonical content item, tagged with the skills it teaches. A record is the same item as
 * one already known when they share a shared id or a URL, or, across providers, a title in the same language.
 * Inactive or deleted records take their source out of the catalog; an item no source offers is inactive.
 */
@Component
public class ContentItemEntity implements EntityHandler<ContentItemRecord> {

    /** The level an item teaches when its provider gives none: Beginner. */
    static final double DEFAULT_LEVEL = 2;

    private final JdbcTemplate jdbc;
    private final ProficiencyScales scales;
    private final Taxonomy taxonomy;
    private final SkillTagger tagger;

    public ContentItemEntity(JdbcTemplate jdbc, ProficiencyScales scales, Taxonomy taxonomy) {
        this.jdbc = jdbc;
        this.scales = scales;
        this.taxonomy = taxonomy;
        this.tagger = new SkillTagger(taxonomy);
    }

    @Override
    public String entity() {
        return "contentItem";
    }

    @Override
    public Item<ContentItemRecord> toItem(SourceRecord source, JsonNode mapped) {
        ContentItemRecord r = ContentItemRecord.from(mapped, scales);
        // the taxonomy is part of the hash: a new taxonomy retags items at their next sync
        return new Item<>(source, r, WorkerRecord.sha256(taxonomy.checksum() + r));
    }

    /** A source as stored. */
    private record Stored(String itemId, String hash, boolean active) {
    }

    @Override
    public void apply(ApplyContext ctx, List<Item<ContentItemRecord>> items, PageOutcome out) {
        Map<String, Item<ContentItemRecord>> bySource = new LinkedHashMap<>();
        items.forEach(i -> bySource.put(i.record().externalId(), i));
        Map<String, Stored> stored = new HashMap<>();
        Sql.forEachIn(jdbc, "select s.external_id, s.item_id, s.record_hash, s.active from content_source s"
                        + " join unnest(?) as k(v) on s.external_id = k.v where s.system = ?", ctx.system(),
                bySource.keySet(), rs -> stored.put(rs.getString(1),
                        new Stored(rs.getString(2), rs.getString(3), rs.getBoolean(4))));
        Keys keys = keys(ctx.system(), bySource.values());

        OffsetDateTime now = Sql.now();
        Long seenRun = ctx.fullSnapshot() ? ctx.runId() : null;
        List<Object[]> newItems = new ArrayList<>();
        List<Object[]> itemUpdates = new ArrayList<>();
        List<Object[]> newSources = new ArrayList<>();
        List<Object[]> sourceUpdates = new ArrayList<>();
        List<Object[]> seen = new ArrayList<>();
        List<Object[]> newKeys = new ArrayList<>();
        List<Object[]> skillRows = new ArrayList<>();
        List<Object[]> skillDeletes = new ArrayList<>();
        Set<String> recheck = new LinkedHashSet<>();
        Map<String, Integer> unmatched = new LinkedHashMap<>();
        Map<String, String> unmatchedSpelling = new HashMap<>();
        for (Item<ContentItemRecord> item : bySource.values()) {
            ContentItemRecord r = item.record();
            Stored s = stored.get(r.externalId());
            if (s != null && s.hash().equals(item.hash())) {
                out.unchanged++;
                seen.add(new Object[]{seenRun, ctx.system(), r.externalId()});
                continue;
            }
            boolean offered = r.active() && !r.deleted();
            if (s == null && !offered) {
                // never in the catalog, nothing to take out of it
                out.unchanged++;
                continue;
            }
            String itemId = s != null ? s.itemId() : null;
            if (itemId == null) {
                itemId = keys.match(r.matchKeys());
                if (itemId == null) {
                    itemId = PersonIds.next();
                    newItems.add(itemRow(r, now, itemId));
                } else {
                    itemUpdates.add(itemRow(r, now, itemId));
                }
                newSources.add(new Object[]{ctx.system(), r.externalId(), itemId, r.provider(), ctx.connectorId(),
                        item.hash(), offered, Sql.ts(r.updatedAt()), seenRun, now});
                out.created++;
            } else {
                if (offered) {
                    itemUpdates.add(itemRow(r, now, itemId));
                    out.updated++;
                } else {
                    recheck.add(itemId);
                    out.deactivated += s.active() ? 1 : 0;
                    out.unchanged += s.active() ? 0 : 1;
                }
                sourceUpdates.add(new Object[]{r.provider(), ctx.connectorId(), item.hash(), offered,
                        Sql.ts(r.updatedAt()), seenRun, now, ctx.system(), r.externalId()});
            }
            if (s != null) {
                // a new source has no tags of its own yet: deleting them would cost a lookup per item for nothing
                skillDeletes.add(new Object[]{itemId, ctx.system()});
            }
            if (offered) {
                for (String key : r.matchKeys()) {
                    if (keys.claim(key, itemId)) {
                        newKeys.add(new Object[]{key, itemId});
                    }
                }
                SkillTagger.Tagging tagging = tagger.tag(r.tags(), r.title(), r.description());
                double level = r.level() != null ? r.level() : DEFAULT_LEVEL;
                for (SkillTagger.Match m : tagging.matches()) {
                    skillRows.add(new Object[]{itemId, ctx.system(), m.skillId(), level, m.confidence(), m.matchedBy()});
                }
                for (String tag : tagging.unmatchedTags()) {
                    String norm = Taxonomy.normalize(tag);
                    if (!norm.isEmpty()) {
                        unmatched.merge(norm, 1, Integer::sum);
                        unmatchedSpelling.putIfAbsent(norm, tag);
                    }
                }
            }
        }
        jdbc.batchUpdate("insert into content_item (title, description, modality, duration_minutes, level, language,"
                + " url, active, updated_at, id) values (?, ?, ?, ?, ?, ?, ?, true, ?, ?)", newItems);
        jdbc.batchUpdate("update content_item set title = ?, description = ?, modality = ?, duration_minutes = ?,"
                + " level = ?, language = ?, url = ?, active = true, updated_at = ? where id = ?", itemUpdates);
        jdbc.batchUpdate("insert into content_source (system, external_id, item_id, provider, connector_id, record_hash,"
                + " active, source_updated_at, last_seen_run, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", newSources);
        jdbc.batchUpdate("update content_source set provider = ?, connector_id = ?, record_hash = ?, active = ?,"
                + " source_updated_at = ?, last_seen_run = ?, updated_at = ? where system = ? and external_id = ?",
                sourceUpdates);
        if (seenRun != null) {
            jdbc.batchUpdate("update content_source set last_seen_run = ? where system = ? and external_id = ?", seen);
        }
        jdbc.batchUpdate("insert into content_key (match_key, item_id) values (?, ?)", newKeys);
        jdbc.batchUpdate("delete from content_skill where item_id = ? and source_system = ?", skillDeletes);
        jdbc.batchUpdate("insert into content_skill (item_id, source_system, skill_id, level, confidence, matched_by)"
                + " values (?, ?, ?, ?, ?, ?)", skillRows);
        countUnmatched(ctx.system(), unmatched, unmatchedSpelling, now);
        refreshActive(recheck, now);
    }

    @Override
    public void finish(ApplyContext ctx, boolean reconcile, PageOutcome out) {
        if (!reconcile) {
            return;
        }
        List<String[]> gone = jdbc.query("select external_id, item_id from content_source where system = ?"
                        + " and connector_id = ? and active and (last_seen_run is null or last_seen_run <> ?)",
                (rs, n) -> new String[]{rs.getString(1), rs.getString(2)}, ctx.system(), ctx.connectorId(), ctx.runId());
        OffsetDateTime now = Sql.now();
        jdbc.batchUpdate("update content_source set active = false, record_hash = null, updated_at = ?"
                + " where system = ? and external_id = ?", gone.stream()
                .map(g -> new Object[]{now, ctx.system(), g[0]}).toList());
        refreshActive(gone.stream().map(g -> g[1]).toList(), now);
        out.deactivated += gone.size();
    }

    /**
     * The match keys of a page: which item each already belongs to, and which of those items the page's provider
     * already offers. A title names the same item only across providers: one provider listing two items of the same
     * title means two items.
     */
    private static final class Keys {
        private final Map<String, String> owners;
        private final Set<String> sameProvider;

        Keys(Map<String, String> owners, Set<String> sameProvider) {
            this.owners = owners;
            this.sameProvider = sameProvider;
        }

        String match(List<String> keys) {
            for (String key : keys) {
                String item = owners.get(key);
                if (item != null && !(ContentItemRecord.isTitleKey(key) && sameProvider.contains(item))) {
                    return item;
                }
            }
            return null;
        }

        /** Records that {@code item} has {@code key}; {@code true} when the key is new and must be stored. */
        boolean claim(String key, String item) {
            sameProvider.add(item);
            return owners.putIfAbsent(key, item) == null;
        }
    }

    private Keys keys(String system, java.util.Collection<Item<ContentItemRecord>> items) {
        Set<String> wanted = new HashSet<>();
        for (Item<ContentItemRecord> i : items) {
            if (!i.record().deleted()) {
                wanted.addAll(i.record().matchKeys());
            }
        }
        Map<String, String> owners = new HashMap<>();
        Sql.forEachIn(jdbc, "select c.match_key, c.item_id from content_key c join unnest(?) as k(v) on c.match_key = k.v",
                null, wanted, rs -> owners.put(rs.getString(1), rs.getString(2)));
        Set<String> titleOwners = new HashSet<>();
        owners.forEach((key, item) -> {
            if (ContentItemRecord.isTitleKey(key)) {
                titleOwners.add(item);
            }
        });
        Set<String> sameProvider = new HashSet<>();
        Sql.forEachIn(jdbc, "select distinct s.item_id from content_source s join unnest(?) as k(v) on s.item_id = k.v"
                + " where s.system = ?", system, titleOwners, rs -> sameProvider.add(rs.getString(1)));
        return new Keys(owners, sameProvider);
    }

    private void countUnmatched(String system, Map<String, Integer> counts, Map<String, String> spelling,
                                OffsetDateTime now) {
        Set<String> known = new HashSet<>();
        Sql.forEachIn(jdbc, "select u.tag_norm from unmatched_tag u join unnest(?) as k(v) on u.tag_norm = k.v"
                + " where u.system = ?", system, counts.keySet(), rs -> known.add(rs.getString(1)));
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        counts.forEach((norm, n) -> {
            if (known.contains(norm)) {
                updates.add(new Object[]{n, now, system, norm});
            } else {
                inserts.add(new Object[]{system, norm, spelling.get(norm), n, now});
            }
        });
        jdbc.batchUpdate("update unmatched_tag set seen_count = seen_count + ?, last_seen = ? where system = ?"
                + " and tag_norm = ?", updates);
        jdbc.batchUpdate("insert into unmatched_tag (system, tag_norm, tag, seen_count, last_seen) values (?, ?, ?, ?, ?)",
                inserts);
    }

    /** An item is in the catalog while any of its sources offers it. */
    private void refreshActive(java.util.Collection<String> itemIds, OffsetDateTime now) {
        jdbc.batchUpdate("update content_item set active = exists (select 1 from content_source s where s.item_id ="
                + " content_item.id and s.active), updated_at = ? where id = ?", itemIds.stream()
                .map(id -> new Object[]{now, id}).toList());
    }

    private static Object[] itemRow(ContentItemRecord r, OffsetDateTime now, String itemId) {
        return new Object[]{r.title(), truncate(r.description(), 4000), r.modality() == null ? null : r.modality().wire(),
                r.durationMinutes(), r.level(), r.language(), r.url(), now, itemId};
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
