package io.skillbridge.skills.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntPredicate;

/**
 * Every person's profile in memory, so that gap analysis, adjacent roles and talent search answer without touching
 * the database: people by a dense ordinal, their profiles, and per skill a posting list of who has it, highest
 * level first. Reads run in parallel; a recompute takes the write lock for the few arrays it replaces.
 */
public final class ProfileIndex {

    /** Who has a skill: parallel arrays in descending level. */
    private record Postings(int[] persons, float[] levels) {
        static final Postings EMPTY = new Postings(new int[0], new float[0]);
    }

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Integer> ordinals = new HashMap<>();
    private final List<PersonFacts> facts = new ArrayList<>();
    private final List<PersonProfile> profiles = new ArrayList<>();
    private final Postings[] postings;

    public ProfileIndex(int skillCount) {
        postings = new Postings[skillCount];
        Arrays.fill(postings, Postings.EMPTY);
    }

    /** Adds or refreshes what the index knows of people; their profiles stay. */
    public void putFacts(List<PersonFacts> people) {
        lock.writeLock().lock();
        try {
            for (PersonFacts p : people) {
                Integer ordinal = ordinals.get(p.id());
                if (ordinal == null) {
                    ordinals.put(p.id(), facts.size());
                    facts.add(p);
                    profiles.add(PersonProfile.EMPTY);
                } else {
                    facts.set(ordinal, p);
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Replaces the profiles of some people (known by {@link #putFacts}), updating the posting lists of every skill
     * they gained, lost or changed.
     */
    public void putProfiles(Map<String, PersonProfile> changed) {
        lock.writeLock().lock();
        try {
            Map<Integer, Map<Integer, Float>> touched = new HashMap<>();
            for (Map.Entry<String, PersonProfile> e : changed.entrySet()) {
                Integer ordinal = ordinals.get(e.getKey());
                if (ordinal == null) {
                    continue;
                }
                PersonProfile before = profiles.get(ordinal);
                for (int skill : before.skills()) {
                    touched.computeIfAbsent(skill, k -> new HashMap<>()).put(ordinal, null);
                }
                PersonProfile after = e.getValue();
                for (int i = 0; i < after.size(); i++) {
                    touched.computeIfAbsent(after.skills()[i], k -> new HashMap<>()).put(ordinal, after.levels()[i]);
                }
                profiles.set(ordinal, after);
            }
            touched.forEach(this::repost);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Rebuilds one skill's posting list with some people's entries replaced (a null level removes the entry). */
    private void repost(int skill, Map<Integer, Float> people) {
        Postings old = postings[skill];
        int n = 0;
        int[] persons = new int[old.persons().length + people.size()];
        float[] levels = new float[persons.length];
        for (int i = 0; i < old.persons().length; i++) {
            if (!people.containsKey(old.persons()[i])) {
                persons[n] = old.persons()[i];
                levels[n++] = old.levels()[i];
            }
        }
        for (Map.Entry<Integer, Float> p : people.entrySet()) {
            if (p.getValue() != null) {
                persons[n] = p.getKey();
                levels[n++] = p.getValue();
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        float[] lv = levels;
        int[] ps = persons;
        Arrays.sort(order, (a, b) -> lv[a] != lv[b] ? Float.compare(lv[b], lv[a]) : Integer.compare(ps[a], ps[b]));
        int[] sortedPersons = new int[n];
        float[] sortedLevels = new float[n];
        for (int i = 0; i < n; i++) {
            sortedPersons[i] = persons[order[i]];
            sortedLevels[i] = levels[order[i]];
        }
        postings[skill] = new Postings(sortedPersons, sortedLevels);
    }

    /** A skill's posting list as of now; it is immutable, so walking it needs no lock. */
    private Postings postings(int skill) {
        lock.readLock().lock();
        try {
            return postings[skill];
        } finally {
            lock.readLock().unlock();
        }
    }

    public int ordinal(String personId) {
        lock.readLock().lock();
        try {
            Integer o = ordinals.get(personId);
            return o == null ? -1 : o;
        } finally {
            lock.readLock().unlock();
        }
    }

    public int size() {
        lock.readLock().lock();
        try {
            return facts.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    public PersonFacts facts(int ordinal) {
        lock.readLock().lock();
        try {
            return facts.get(ordinal);
        } finally {
            lock.readLock().unlock();
        }
    }

    public PersonProfile profile(int ordinal) {
        lock.readLock().lock();
        try {
            return profiles.get(ordinal);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Walks the people who have {@code skill} at {@code minLevel} or above, highest level first, until the visitor
     * returns false.
     */
    public void withSkill(int skill, double minLevel, IntPredicate visitor) {
        Postings p = postings(skill);
        for (int i = 0; i < p.persons().length && p.levels()[i] >= minLevel - 1e-6; i++) {
            if (!visitor.test(p.persons()[i])) {
                return;
            }
        }
    }

    /** How many people have {@code skill} at {@code minLevel} or above. */
    public int countWithSkill(int skill, double minLevel) {
        Postings p = postings(skill);
        int lo = 0;
        int hi = p.levels().length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (p.levels()[mid] >= minLevel - 1e-6) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
