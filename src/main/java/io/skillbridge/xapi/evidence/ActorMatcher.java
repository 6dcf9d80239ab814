package io.skillbridge.xapi.evidence;

import io.skillbridge.canonical.Sql;
import io.skillbridge.identity.PersonLookup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the people xAPI actors are, by their inverse functional identifier (as {@link io.skillbridge.xapi.Ifi}
 * writes it): {@code mbox} by work email, {@code mbox_sha1sum} by the SHA-1 of a work email's mailto IRI,
 * {@code account} by the system its home page names (an identity link, or the employee id). An identifier that
 * names two people names nobody, as everywhere in the hub.
 */
@Repository
public class ActorMatcher {

    private static final String AMBIGUOUS = "";
    private static final Duration MISS_REFRESH_INTERVAL = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final PersonLookup people;
    /**
     * When the hashes were last brought up to date: at first and after an HRIS run, long enough ago that the next miss
     * refreshes them.
     */
    private volatile long refreshedAt = longAgo();

    public ActorMatcher(JdbcTemplate jdbc, PersonLookup people) {
        this.jdbc = jdbc;
        this.people = people;
    }

    /** @return the person of each identifier that names exactly one */
    public Map<String, String> resolve(Collection<String> ifis, EvidenceRules rules) {
        Map<String, PersonLookup.Key> keys = new HashMap<>();
        Map<String, Map<String, PersonLookup.Key>> bySystem = new HashMap<>();
        List<String> hashes = new ArrayList<>();
        for (String ifi : new HashSet<>(ifis)) {
            if (ifi.startsWith("mbox:mailto:")) {
                keys.put(ifi, new PersonLookup.Key(null, null, ifi.substring("mbox:mailto:".length())));
            } else if (ifi.startsWith("mbox_sha1sum:")) {
                hashes.add(ifi.substring("mbox_sha1sum:".length()));
            } else if (ifi.startsWith("account:")) {
                int space = ifi.indexOf(' ');
                EvidenceRules.Account account = rules.accounts().get(ifi.substring("account:".length(), space));
                String name = ifi.substring(space + 1);
                if (account == null) {
                    continue;
                }
                if (account.system() == null) {
                    keys.put(ifi, new PersonLookup.Key(null, name, null));
                } else {
                    bySystem.computeIfAbsent(account.system(), s -> new HashMap<>()).put(ifi, new PersonLookup.Key(name, null, null));
                }
            }
        }
        Map<String, String> found = new HashMap<>();
        bySystem.put(null, keys);
        bySystem.forEach((system, k) -> {
            Map<PersonLookup.Key, String> persons = people.resolve(system, k.values());
            k.forEach((ifi, key) -> {
                String person = persons.get(key);
                if (person != null) {
                    found.put(ifi, person);
                }
            });
        });
        bySha1(hashes).forEach((hash, person) -> found.put("mbox_sha1sum:" + hash, person));
        return found;
    }

    private Map<String, String> bySha1(List<String> hashes) {
        if (hashes.isEmpty()) {
            return Map.of();
        }
        Map<String, String> found = lookUpSha1(hashes);
        long now = System.nanoTime();
        if (found.size() < hashes.size() && now - refreshedAt > MISS_REFRESH_INTERVAL.toNanos()) {
            // a hash nobody has may be of a person whose email arrived or changed since the hashes were last brought
            // up to date; at most once a minute, as actors that are nobody's keep missing (and after an HRIS run)
            refreshSha1();
            found = lookUpSha1(hashes);
        }
        found.values().removeIf(AMBIGUOUS::equals);
        return found;
    }

    private Map<String, String> lookUpSha1(List<String> hashes) {
        Map<String, String> found = new HashMap<>();
        Sql.forEachIn(jdbc, "select m.sha1, m.person_id from xapi_mbox_sha1 m join unnest(?) as k(v) on m.sha1 = k.v",
                null, hashes, rs -> found.merge(rs.getString(1), rs.getString(2), (a, b) -> AMBIGUOUS));
        return found;
    }

    /**
     * People were synced: the next hash that matches nobody brings the hashes up to date at once, not a minute after
     * the last time. Hashing waits for a hash to look up: a first HRIS run brings every employee, and an LRS may never
     * send an mbox_sha1sum.
     */
    public void peopleChanged() {
        refreshedAt = longAgo();
    }

    private static long longAgo() {
        return System.nanoTime() - MISS_REFRESH_INTERVAL.toNanos() - 1;
    }

    /** Hashes the work emails of the people whose hash is missing or stale: after the first call, only the changes. */
    private void refreshSha1() {
        refreshedAt = System.nanoTime();
        List<Object[]> rows = new ArrayList<>();
        Set<String> persons = new HashSet<>();
        jdbc.query("select p.id, p.work_email_norm from person p left join xapi_mbox_sha1 m on m.person_id = p.id"
                + " where p.work_email_norm is not null and (m.person_id is null or m.email_norm <> p.work_email_norm)", rs -> {
                    persons.add(rs.getString(1));
                    rows.add(new Object[]{rs.getString(1), rs.getString(2), sha1("mailto:" + rs.getString(2))});
                });
        jdbc.batchUpdate("delete from xapi_mbox_sha1 where person_id = ?", persons.stream().map(p -> new Object[]{p}).toList());
        jdbc.batchUpdate("insert into xapi_mbox_sha1 (person_id, email_norm, sha1) values (?, ?, ?)", rows);
    }

    static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
