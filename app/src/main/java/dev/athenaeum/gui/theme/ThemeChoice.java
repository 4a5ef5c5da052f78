package dev.athenaeum.gui.theme;

import java.util.Locale;

/** The theme the user chose: always light, always dark, or as the operating system is set. */
public enum ThemeChoice {
    LIGHT("Light"),
    DARK("Dark"),
    SYSTEM("As the system");

    private final String label;

    ThemeChoice(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The stored name, or {@code fallbackDark}'s choice for settings written before there was a choice. */
    public static ThemeChoice parse(String s, boolean fallbackDark) {
        if (s == null || s.isBlank()) {
            return fallbackDark ? DARK : LIGHT;
        }
        return valueOf(s.strip().toUpperCase(Locale.ROOT));
    }

    /** Whether the workbench is dark with this choice while the system is {@code systemDark}. */
    public boolean dark(boolean systemDark) {
        return this == DARK || (this == SYSTEM && systemDark);
    }
}
