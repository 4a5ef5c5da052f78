package dev.athenaeum.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** What a benchmark ran on, printed with every result so numbers from different machines are never mixed up. */
public final class MachineInfo {

    private MachineInfo() {
    }

    /** The CPU model from {@code /proc/cpuinfo}, or the architecture where there is none. */
    public static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D+", ""));
                    return String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "unknown";
    }

    static boolean vectorApi() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /** A markdown table: CPU, cores, memory, JDK, JVM flags, OS, date. */
    public static String markdown() {
        Runtime rt = Runtime.getRuntime();
        List<String> jvmArgs = ManagementFactory.getRuntimeMXBean().getInputArguments();
        StringBuilder b = new StringBuilder();
        b.append("| machine | |\n|---|---|\n");
        row(b, "CPU", cpuModel());
        row(b, "cores available", Integer.toString(rt.availableProcessors()));
        row(b, "memory", memory());
        row(b, "JDK", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
        row(b, "JVM flags", jvmArgs.isEmpty() ? "(none)" : String.join(" ", jvmArgs));
        row(b, "max heap", String.format(Locale.ROOT, "%.1f GiB", rt.maxMemory() / 1024.0 / 1024 / 1024));
        row(b, "Vector API (jvector SIMD)", vectorApi() ? "yes" : "no (add --add-modules jdk.incubator.vector)");
        row(b, "OS", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        row(b, "date", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        return b.toString();
    }

    private static void row(StringBuilder b, String key, String value) {
        b.append("| ").append(key).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
    }
}
