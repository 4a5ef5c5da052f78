package dev.athenaeum.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A small command-line parser: positional arguments, {@code --name value} options and {@code --flag}s. */
final class Args {

    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> options = new HashMap<>();

    Args(String[] args, Set<String> flags) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--")) {
                String name = a.substring(2);
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    options.put(name.substring(0, eq), name.substring(eq + 1));
                } else if (flags.contains(name)) {
                    options.put(name, "true");
                } else if (i + 1 < args.length) {
                    options.put(name, args[++i]);
                } else {
                    throw new IllegalArgumentException("option --" + name + " needs a value");
                }
            } else {
                positional.add(a);
            }
        }
    }

    List<String> positional() {
        return positional;
    }

    String get(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    int getInt(String name, int fallback) {
        String v = options.get(name);
        return v == null ? fallback : Integer.parseInt(v.replace("_", ""));
    }

    double getDouble(String name, double fallback) {
        String v = options.get(name);
        return v == null ? fallback : Double.parseDouble(v);
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(options.getOrDefault(name, "false"));
    }

    List<String> getList(String name, String fallback) {
        String v = options.getOrDefault(name, fallback);
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        for (String s : v.split(",")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }
}
