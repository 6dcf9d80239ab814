package io.skillbridge.xapi.store;

/**
 * The 64-bit key under which the statement store indexes a filter value (verb id, actor IFI, activity id,
 * registration). IRIs run to 2,048 characters and every index entry is paid by every statement stored: a B-tree of
 * two longs is written and searched several times faster than one of long strings (see docs/adr/0004). The key is
 * a lookup, not an identity: every query that uses it compares the value itself too, so a collision costs a row
 * read, never a wrong answer.
 */
public final class FilterKey {

    private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private FilterKey() {
    }

    /** FNV-1a over the UTF-16 code units: stable across JVMs and releases, as a stored key must be. */
    public static Long of(String value) {
        if (value == null) {
            return null;
        }
        long h = OFFSET_BASIS;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            h = (h ^ (c & 0xff)) * PRIME;
            h = (h ^ (c >>> 8)) * PRIME;
        }
        return h;
    }
}
