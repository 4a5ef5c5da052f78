package dev.athenaeum.bench;

import dev.athenaeum.chunking.ChunkSettings;
import dev.athenaeum.deploy.Deployment;
import dev.athenaeum.deploy.DeploymentListener;
import dev.athenaeum.deploy.DeploymentReport;
import dev.athenaeum.deploy.DeploymentRequest;
import dev.athenaeum.deploy.DeploymentStep;
import dev.athenaeum.deploy.StepOutcome;
import dev.athenaeum.deploy.aws.AwsSession;
import dev.athenaeum.deploy.image.ImageSource;
import dev.athenaeum.deploy.stack.StackEvent;
import dev.athenaeum.deploy.template.DeploymentSettings;
import dev.athenaeum.deploy.template.Environment;
import dev.athenaeum.progress.Cancellation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A whole deployment against moto and a real registry on loopback (bench/deploy.sh starts both), timed by phase:
 * the first deploy (image built and pushed, stack created, index uploaded), the same deploy again (nothing
 * changes), an index update after one page changed, and destroy. Also the pushed image's size from its manifest.
 * Options: --endpoint URL (moto), --registry HOST:PORT, --corpus DIR (default samples/guide), --work DIR.
 */
public final class DeployBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv, Set.of());
        URI endpoint = URI.create(args.get("endpoint", "http://127.0.0.1:5000"));
        String registry = args.get("registry", "127.0.0.1:5001");
        Path corpusSource = Paths2.resolve(args.get("corpus", "samples/guide"));
        Path work = Files.createTempDirectory(Path.of(args.get("work", System.getProperty("java.io.tmpdir"))), "deploy-bench-");
        Path corpus = work.resolve("corpus");
        Path index = work.resolve("index");
        try (var files = Files.walk(corpusSource)) {
            for (Path f : files.toList()) {
                Path to = corpus.resolve(corpusSource.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        var embedder = Builds.openWarm();
        Builds.build(embedder, corpus, index, ChunkSettings.DEFAULT, true);
        String base = pushBase(registry, work);

        AwsSession session = new AwsSession(Optional.empty(), Region.EU_WEST_1, Optional.of(endpoint),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
        Deployment deployment = Deployment.standard(session, new ImageSource(base, Optional.of(registry)));
        DeploymentRequest request = new DeploymentRequest(DeploymentSettings.builder().name("bench").build(), index,
                Optional.empty(), 10_000);

        System.out.println(MachineInfo.markdown());
        Table table = new Table("run", "account", "cost", "image", "plan", "execute", "index", "health", "total (s)",
                "outcome");
        Phases first = new Phases();
        DeploymentReport created = deployment.deploy(request, first, Cancellation.none());
        table.row(first.row("first deploy (create)", outcome(created)));
        Phases again = new Phases();
        DeploymentReport unchanged = deployment.deploy(request, again, Cancellation.none());
        table.row(again.row("same deploy again", outcome(unchanged)));

        Path page = Files.list(corpus).filter(p -> p.toString().endsWith(".md")).sorted().findFirst().orElseThrow();
        Files.writeString(page, "\n\n## Changed\n\nOne paragraph added to measure an index update.\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Builds.build(embedder, corpus, index, ChunkSettings.DEFAULT, false);
        Phases update = new Phases();
        StepOutcome updated = deployment.updateIndex("bench", Environment.DEV, index, update, Cancellation.none());
        table.row(update.row("update index, one page changed", updated.detail()));

        long t0 = System.nanoTime();
        var destroyed = deployment.destroy("bench", Environment.DEV, new Phases());
        double destroySeconds = (System.nanoTime() - t0) / 1e9;
        System.out.println(table);
        System.out.printf(Locale.ROOT, "destroy: %.2f s (stack deleted %s, image repository deleted %s)%n%n",
                destroySeconds, destroyed.stackDeleted(), destroyed.repositoryDeleted());
        String image = created.steps().stream().filter(s -> s.step() == DeploymentStep.IMAGE).findFirst()
                .orElseThrow().detail().replaceFirst("^built ", "");
        System.out.println(imageSize(registry, image, base));
    }

    private static String outcome(DeploymentReport report) {
        return (report.changed() ? "stack changed" : "stack unchanged") + "; " + report.steps().stream()
                .filter(s -> s.step() == DeploymentStep.INDEX).findFirst().map(StepOutcome::detail).orElse("");
    }

    /** Compressed layer sizes as the registry holds them; the base image here is a stand-in of one small file. */
    private static String imageSize(String registry, String image, String base) throws Exception {
        String repo = image.substring(registry.length() + 1, image.indexOf('@'));
        String digest = image.substring(image.indexOf('@') + 1);
        JsonNode manifest = JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://" + registry + "/v2/" + repo + "/manifests/" + digest))
                .header("Accept", "application/vnd.docker.distribution.manifest.v2+json,application/vnd.oci.image.manifest.v1+json")
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        StringBuilder b = new StringBuilder("image layers (compressed, as pushed; base " + base + " is a stand-in):\n");
        long total = 0;
        for (JsonNode layer : manifest.get("layers")) {
            long size = layer.get("size").asLong();
            total += size;
            b.append(String.format(Locale.ROOT, "  %s  %.1f MB%n", layer.get("digest").asText().substring(0, 19), size / 1e6));
        }
        b.append(String.format(Locale.ROOT, "  total %.1f MB in %d layers%n", total / 1e6, manifest.get("layers").size()));
        return b.toString();
    }

    private static String pushBase(String registry, Path work) throws Exception {
        Path osRelease = Files.writeString(work.resolve("os-release"), "NAME=\"bench base\"\n");
        String base = registry + "/base:1";
        Jib.fromScratch().setPlatforms(Set.of(new Platform("amd64", "linux")))
                .addFileEntriesLayer(FileEntriesLayer.builder().setName("os")
                        .addEntry(osRelease, AbsoluteUnixPath.get("/etc/os-release")).build())
                .containerize(Containerizer.to(RegistryImage.named(base)).setAllowInsecureRegistries(true));
        return base;
    }

    /** Seconds per step of one run. */
    private static final class Phases implements DeploymentListener {
        private final long start = System.nanoTime();
        private final Map<DeploymentStep, Long> started = new EnumMap<>(DeploymentStep.class);
        private final Map<DeploymentStep, Double> seconds = new EnumMap<>(DeploymentStep.class);

        @Override
        public void onStepStarted(DeploymentStep step) {
            started.put(step, System.nanoTime());
        }

        @Override
        public void onStepFinished(StepOutcome outcome) {
            Long t = started.get(outcome.step());
            if (t != null) {
                seconds.put(outcome.step(), (System.nanoTime() - t) / 1e9);
            }
        }

        @Override
        public void onStep(String step) {
        }

        @Override
        public void onEvent(StackEvent event) {
        }

        Object[] row(String name, String outcome) {
            Object[] cells = new Object[DeploymentStep.values().length + 3];
            cells[0] = name;
            for (DeploymentStep s : DeploymentStep.values()) {
                Double v = seconds.get(s);
                cells[s.ordinal() + 1] = v == null ? "–" : String.format(Locale.ROOT, "%.2f", v);
            }
            cells[cells.length - 2] = String.format(Locale.ROOT, "%.2f", (System.nanoTime() - start) / 1e9);
            cells[cells.length - 1] = outcome;
            return cells;
        }
    }
}
