package dev.athenaeum.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A process's memory as Linux reports it in {@code /proc/PID/status}: VmRSS (resident now), VmHWM (the most it
 * was resident), and VmRSS's parts RssAnon (heap, native allocations), RssFile (mapped files: jars, the class data
 * archive, the index's memory-mapped files) and RssShmem.
 *
 * @param kilobytes every {@code kB} field of the file by name
 */
record ProcStatus(Map<String, Long> kilobytes) {

    static ProcStatus read(long pid) throws IOException {
        return parse(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
    }

    static ProcStatus parse(String status) {
        Map<String, Long> kb = new LinkedHashMap<>();
        for (String line : status.split("\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String[] value = line.substring(colon + 1).strip().split("\\s+");
            if (value.length == 2 && value[1].equals("kB")) {
                try {
                    kb.put(line.substring(0, colon), Long.parseLong(value[0]));
                } catch (NumberFormatException ignored) {
                    // not a size
                }
            }
        }
        return new ProcStatus(kb);
    }

    /** A field in MiB (what the kernel calls kB is KiB), or NaN when the kernel did not report it. */
    double mib(String field) {
        Long kb = kilobytes.get(field);
        return kb == null ? Double.NaN : kb / 1024.0;
    }

    double rssMib() {
        return mib("VmRSS");
    }

    double peakMib() {
        return mib("VmHWM");
    }
}
