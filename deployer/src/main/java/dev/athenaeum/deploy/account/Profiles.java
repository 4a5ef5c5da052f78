package dev.athenaeum.deploy.account;

import software.amazon.awssdk.profiles.ProfileFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The named profiles of the AWS configuration and credentials files, read with the SDK's own parser. The files are
 * where the AWS CLI keeps them unless {@code AWS_CONFIG_FILE} or {@code AWS_SHARED_CREDENTIALS_FILE} say otherwise.
 */
public final class Profiles {

    private Profiles() {
    }

    /** The profiles found through an environment's settings and a home folder. */
    public static List<String> list(Map<String, String> env, Path home) {
        Path config = Optional.ofNullable(env.get("AWS_CONFIG_FILE")).filter(v -> !v.isBlank()).map(Path::of)
                .orElse(home.resolve(".aws").resolve("config"));
        Path credentials = Optional.ofNullable(env.get("AWS_SHARED_CREDENTIALS_FILE")).filter(v -> !v.isBlank())
                .map(Path::of).orElse(home.resolve(".aws").resolve("credentials"));
        return list(config, credentials);
    }

    /** The profiles of these two files, sorted, each once; a missing file has none. */
    public static List<String> list(Path configFile, Path credentialsFile) {
        TreeSet<String> names = new TreeSet<>();
        read(configFile, ProfileFile.Type.CONFIGURATION, names);
        read(credentialsFile, ProfileFile.Type.CREDENTIALS, names);
        return new ArrayList<>(names);
    }

    private static void read(Path file, ProfileFile.Type type, TreeSet<String> names) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            names.addAll(ProfileFile.builder().content(file).type(type).build().profiles().keySet());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot read the AWS " + type.name().toLowerCase(java.util.Locale.ROOT)
                    + " file " + file + ": " + e.getMessage(), e);
        }
    }
}
