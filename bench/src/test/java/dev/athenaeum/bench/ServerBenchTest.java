package dev.athenaeum.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServerBenchTest {

    @Test
    void optionSetsAreSeparatedBySemicolons() {
        assertThat(ServerBench.splitOptionSets("-Xmx256m; -Xmx128m -XX:+UseSerialGC;")).containsExactly("-Xmx256m",
                "-Xmx128m -XX:+UseSerialGC");
        assertThat(ServerBench.splitOptionSets("none")).isEmpty();
        assertThat(ServerBench.splitOptionSets(" ")).isEmpty();
    }

    @Test
    void theHeapAndCollectorAreReadFromTheJvmsFlags() {
        String flags = """
                [Global flags]
                   size_t MaxHeapSize                              = 6316621824                                {product} {ergonomic}
                     bool UseG1GC                                  = true                                      {product} {ergonomic}
                     bool UseMaximumCompactionOnSystemGC           = true                                      {product} {default}
                     bool UseSerialGC                              = false                                     {product} {default}
                """;
        assertThat(ServerBench.describeFlags(flags)).isEqualTo("max heap 5.9 GiB, G1 collector");
        assertThat(ServerBench.describeFlags("size_t MaxHeapSize = 268435456 {product} {command line}\n"
                + "bool UseSerialGC = true {product} {command line}")).isEqualTo("max heap 256 MiB, Serial collector");
    }
}
