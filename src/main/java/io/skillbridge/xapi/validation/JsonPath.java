package io.skillbridge.xapi.validation;

/**
 * Where a value sits in a request, as {@code statements[3].actor.mbox}. Built lazily: the validator walks every
 * property of every statement and needs the text only for the one it rejects.
 */
public final class JsonPath {

    private final JsonPath parent;
    private final String property;
    private final int index;

    private JsonPath(JsonPath parent, String property, int index) {
        this.parent = parent;
        this.property = property;
        this.index = index;
    }

    public static JsonPath root(String name) {
        return new JsonPath(null, name, -1);
    }

    public JsonPath with(String name) {
        return new JsonPath(this, name, -1);
    }

    public JsonPath at(int i) {
        return new JsonPath(this, null, i);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        append(b);
        return b.toString();
    }

    private void append(StringBuilder b) {
        if (parent != null) {
            parent.append(b);
        }
        if (property == null) {
            b.append('[').append(index).append(']');
        } else if (property.startsWith("http") || property.contains(".") || property.contains(" ")) {
            // an extension key is an IRI: quoted, so the path stays readable
            b.append("[\"").append(property).append("\"]");
        } else {
            if (parent != null) {
                b.append('.');
            }
            b.append(property);
        }
    }
}
