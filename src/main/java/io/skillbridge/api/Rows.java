package io.skillbridge.api;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** JDBC rows as API objects: camelCase keys, java.time values, the same on H2 and PostgreSQL. */
final class Rows {

    private Rows() {
    }

    static List<Map<String, Object>> camel(List<Map<String, Object>> rows) {
        return rows.stream().map(Rows::camel).toList();
    }

    static Map<String, Object> camel(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((k, v) -> {
            if (v != null) {
                out.put(camelCase(k), value(v));
            }
        });
        return out;
    }

    private static Object value(Object v) {
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (v instanceof Timestamp t) {
            return t.toInstant();
        }
        return v;
    }

    private static String camelCase(String column) {
        String c = column.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(c.length());
        boolean up = false;
        for (char ch : c.toCharArray()) {
            if (ch == '_') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return sb.toString();
    }
}
