package io.skillbridge.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Page parameters checked once, and the envelope every list answers with. */
public record Paging(int page, int size) {

    static final int MAX_SIZE = 500;

    public static Paging of(int page, int size) {
        if (page < 0) {
            throw ApiException.badRequest("page", "page must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ApiException.badRequest("size", "size must be between 1 and " + MAX_SIZE);
        }
        return new Paging(page, size);
    }

    public int offset() {
        return page * size;
    }

    public Map<String, Object> envelope(List<?> items, long total) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("items", items);
        b.put("page", page);
        b.put("size", size);
        b.put("total", total);
        return b;
    }
}
