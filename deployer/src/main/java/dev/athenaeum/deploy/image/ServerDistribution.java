package dev.athenaeum.deploy.image;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What goes into the server image: the server's own classes and every runtime jar, and the class to start. Each
 * entry is a jar or, in a build tree, a classes folder. The deployer never compiles against the server: it finds
 * these files at run time ({@link #fromClasspath()}).
 *
 * @param ownEntries       Athenaeum's own jars or classes folders, which change with every release
 * @param dependencies     third-party jars, which rarely change
 */
public record ServerDistribution(List<Path> ownEntries, List<Path> dependencies, String mainClass) {

    public static final String LAMBDA_MAIN = "dev.athenaeum.server.lambda.LambdaMain";
    /** Written by the server's build: its runtime jars' file names, as {@code lib/NAME.jar:lib/…}. */
    static final String LISTING = "META-INF/athenaeum/server-runtime.classpath";
    private static final String OWN_PREFIX = "athenaeum-";

    public ServerDistribution {
        ownEntries = List.copyOf(ownEntries);
        dependencies = List.copyOf(dependencies);
        Objects.requireNonNull(mainClass, "mainClass");
        if (ownEntries.isEmpty()) {
            throw new IllegalArgumentException("a server distribution needs the server's own jar or classes");
        }
        for (Path p : concat(ownEntries, dependencies)) {
            if (!Files.exists(p)) {
                throw new IllegalArgumentException("the server's runtime file " + p + " does not exist");
            }
        }
    }

    /**
     * The server as it is on this program's class path: the server module's listing names its runtime jars, and
     * they are picked from {@code java.class.path} by file name. Fails with the missing names when the server
     * module, or any of its jars, is not on the class path.
     */
    public static ServerDistribution fromClasspath() throws IOException {
        URL listing = ServerDistribution.class.getClassLoader().getResource(LISTING);
        if (listing == null) {
            throw new IOException("the server module is not on the class path (no " + LISTING + "): the image cannot be built");
        }
        String text;
        try (InputStream in = listing.openStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        Path server = codeSource(listing);
        Map<String, Path> onClasspath = new LinkedHashMap<>();
        for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                Path p = Path.of(entry).toAbsolutePath().normalize();
                onClasspath.putIfAbsent(p.getFileName().toString(), p);
                if (p.endsWith(Path.of("target", "classes"))) {
                    // A module's classes folder in a build tree stands for its jar, athenaeum-<module>-<version>.jar.
                    onClasspath.putIfAbsent(OWN_PREFIX + p.getParent().getParent().getFileName() + "/classes", p);
                }
            }
        }
        List<Path> own = new ArrayList<>(List.of(server));
        List<Path> deps = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String item : text.isEmpty() ? new String[0] : text.split(":")) {
            String name = item.substring(item.lastIndexOf('/') + 1);
            Path found = onClasspath.get(name);
            if (found == null && name.startsWith(OWN_PREFIX)) {
                found = onClasspath.get(moduleOf(name) + "/classes");
            }
            if (found == null) {
                missing.add(name);
            } else if (name.startsWith(OWN_PREFIX)) {
                own.add(found);
            } else {
                deps.add(found);
            }
        }
        if (!missing.isEmpty()) {
            throw new IOException("the server's runtime jars are not all on the class path; missing: " + String.join(", ", missing));
        }
        return new ServerDistribution(own, deps, LAMBDA_MAIN);
    }

    /** {@code athenaeum-core-0.1.0-SNAPSHOT.jar} → {@code athenaeum-core}. */
    private static String moduleOf(String jar) {
        String[] parts = jar.split("-");
        return parts.length < 2 ? jar : parts[0] + "-" + parts[1];
    }

    private static Path codeSource(URL listing) throws IOException {
        try {
            String s = listing.toString();
            if (s.startsWith("jar:")) {
                return Path.of(new java.net.URI(s.substring(4, s.indexOf("!/"))));
            }
            Path file = Path.of(listing.toURI());
            return file.getParent().getParent().getParent();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("cannot tell where the server's classes are: " + listing, e);
        }
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        List<Path> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Override
    public String toString() {
        return "ServerDistribution" + Arrays.asList(ownEntries.size() + " own", dependencies.size() + " jars", mainClass);
    }
}
