package dev.athenaeum.deploy.template;

import java.util.Locale;

/** Separate stacks of one knowledge base, e.g. one to try changes on and one that users reach. */
public enum Environment {
    DEV, PROD;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Environment parse(String s) {
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown environment '" + s + "': use dev or prod");
        }
    }
}
