package dev.athenaeum.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;

class ProcStatusTest {

    @Test
    void sizesAreReadInKibibytesAndShownInMebibytes() {
        ProcStatus s = ProcStatus.parse("""
                Name:\tjava
                State:\tS (sleeping)
                VmHWM:\t  524288 kB
                VmRSS:\t  262144 kB
                RssAnon:\t  200000 kB
                RssFile:\t   62144 kB
                Threads:\t42
                """);
        assertThat(s.rssMib()).isEqualTo(256.0);
        assertThat(s.peakMib()).isEqualTo(512.0);
        assertThat(s.kilobytes()).containsOnlyKeys("VmHWM", "VmRSS", "RssAnon", "RssFile");
        assertThat(s.mib("RssShmem")).isNaN();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void thisProcessHasAResidentSize() throws Exception {
        ProcStatus s = ProcStatus.read(ProcessHandle.current().pid());
        assertThat(s.rssMib()).isPositive();
        assertThat(s.peakMib()).isGreaterThanOrEqualTo(s.rssMib());
    }
}
