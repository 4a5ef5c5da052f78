package dev.athenaeum.gui.workspace;

import dev.athenaeum.gui.theme.ThemeChoice;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.athenaeum.chunking.ChunkSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The workbench's own files under one folder ({@code ~/.athenaeum/workbench}, or {@link #DIR_PROPERTY} for tests):
 * a JSON file per knowledge base in {@code knowledge-bases/}, their indexes in {@code indexes/} unless placed
 * elsewhere, and {@code workbench.json} with the recent list and the theme. Files are small and human-readable.
 */
public final class WorkbenchStore {

    public static final String DIR_PROPERTY = "athenaeum.workbench.dir";
    static final int MAX_RECENT = 10;

    /** Paths as plain strings, not URIs: people read and edit these files. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .registerModule(new SimpleModule().addSerializer(Path.class, ToStringSerializer.instance));

    private final Path dir;

    public WorkbenchStore(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public static WorkbenchStore fromSystem() {
        String configured = System.getProperty(DIR_PROPERTY);
        return new WorkbenchStore(configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".athenaeum", "workbench"));
    }

    public Path dir() {
        return dir;
    }

    /** Where a new knowledge base named {@code name} keeps its file and its index. */
    public Path fileFor(String name) {
        return dir.resolve("knowledge-bases").resolve(slug(name) + ".json");
    }

    public Path indexFor(String name) {
        return dir.resolve("indexes").resolve(slug(name));
    }

    /** A name not yet taken by another knowledge base file: "notes", then "notes 2"… */
    public String freeName(String wanted) {
        String name = wanted;
        for (int i = 2; Files.exists(fileFor(name)); i++) {
            name = wanted + " " + i;
        }
        return name;
    }

    public void save(Path file, KnowledgeBase kb) throws IOException {
        KnowledgeBaseFile json = new KnowledgeBaseFile(kb.name(), kb.sources().stream().map(Path::toString).toList(),
                kb.exclude(), kb.chunking().chunkSize(), kb.chunking().chunkOverlap(), kb.embeddingModel(),
                kb.indexDir().toString(), kb.autoUpdate());
        write(file, json);
    }

    public KnowledgeBase load(Path file) throws IOException {
        KnowledgeBaseFile json = JSON.readValue(file.toFile(), KnowledgeBaseFile.class);
        return new KnowledgeBase(json.name(), json.sources().stream().map(Path::of).toList(),
                json.exclude() == null ? List.of() : json.exclude(),
                ChunkSettings.of(json.chunkSize(), json.chunkOverlap()), json.embeddingModel(), Path.of(json.indexDir()),
                json.autoUpdate());
    }

    public Settings settings() throws IOException {
        Path file = dir.resolve("workbench.json");
        return Files.exists(file) ? JSON.readValue(file.toFile(), Settings.class) : Settings.EMPTY;
    }

    public void saveSettings(Settings settings) throws IOException {
        write(dir.resolve("workbench.json"), settings);
    }

    /** Puts a knowledge base first in the recent list (dropping missing files and the oldest past the limit). */
    public Settings remember(Path file, String name) throws IOException {
        Settings s = settings();
        List<RecentEntry> recent = new ArrayList<>();
        recent.add(new RecentEntry(name, file.toAbsolutePath().normalize()));
        s.recent().stream().filter(e -> !e.file().equals(file.toAbsolutePath().normalize()) && Files.exists(e.file()))
                .limit(MAX_RECENT - 1).forEach(recent::add);
        Settings updated = new Settings(recent, s.darkTheme(), true, s.theme());
        saveSettings(updated);
        return updated;
    }

    /** Written to a temporary file and moved into place, so a crash never leaves half a file. */
    private static void write(Path file, Object value) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), value);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return s.isEmpty() ? "knowledge-base" : s;
    }

    /** The file format of a knowledge base: paths as plain strings, so people can read and edit it. */
    record KnowledgeBaseFile(String name, List<String> sources, List<String> exclude, int chunkSize, int chunkOverlap,
                             String embeddingModel, String indexDir, boolean autoUpdate) {
    }

    /**
     * @param darkTheme      the theme before there was a choice of following the system; kept for older versions
     * @param launchedBefore false until the first knowledge base is opened: the first launch opens the sample
     * @param theme          light, dark or system; empty in settings written before it existed
     */
    public record Settings(List<RecentEntry> recent, boolean darkTheme, boolean launchedBefore, String theme) {
        public static final Settings EMPTY = new Settings(List.of(), false, false, "");

        public Settings {
            recent = recent == null ? List.of() : List.copyOf(recent);
            theme = theme == null ? "" : theme;
        }

        public Settings(List<RecentEntry> recent, boolean darkTheme, boolean launchedBefore) {
            this(recent, darkTheme, launchedBefore, "");
        }

        public ThemeChoice themeChoice() {
            return ThemeChoice.parse(theme, darkTheme);
        }

        public Settings withTheme(ThemeChoice choice) {
            return new Settings(recent, choice == ThemeChoice.DARK, launchedBefore, choice.name().toLowerCase(Locale.ROOT));
        }
    }
}
