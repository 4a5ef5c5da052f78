package dev.athenaeum.server.mcp;

import java.util.Map;

/** Reads a tool call's arguments, turning wrong types into messages the calling model can act on. */
record ToolArguments(Map<String, Object> values) {

    ToolArguments {
        values = values == null ? Map.of() : values;
    }

    String requiredString(String name) {
        String s = string(name);
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException("'" + name + "' is required");
        }
        return s;
    }

    String string(String name) {
        Object v = values.get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("'" + name + "' must be a string");
        }
        return s;
    }

    int integer(String name, int fallback) {
        Object v = values.get(name);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.intValue();
        }
        throw new IllegalArgumentException("'" + name + "' must be a whole number");
    }
}
