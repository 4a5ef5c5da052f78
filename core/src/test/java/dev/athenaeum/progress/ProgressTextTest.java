package dev.athenaeum.progress;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTextTest {

    @Test
    void etaIsMinutesAndSecondsThenHours() {
        assertThat(ProgressText.eta(Duration.ZERO)).isEqualTo("00:00");
        assertThat(ProgressText.eta(Duration.ofMillis(59_200))).isEqualTo("01:00");
        assertThat(ProgressText.eta(Duration.ofSeconds(754))).isEqualTo("12:34");
        assertThat(ProgressText.eta(Duration.ofSeconds(3725))).isEqualTo("1:02:05");
        assertThat(ProgressText.eta(Duration.ofSeconds(-3))).isEqualTo("00:00");
    }

    @Test
    void ratesAndCountsNameTheUnitOfThePhase() {
        assertThat(ProgressText.rate(38.249, "chunks")).isEqualTo("38.2 chunks/s");
        assertThat(ProgressText.counts(new IndexProgress(Phase.EMBEDDING, 12, 40, 5, 40, 0, null, null)))
                .isEqualTo("12/40 chunks");
        assertThat(ProgressText.counts(new IndexProgress(Phase.CHUNKING, 3, 5, 5, 0, 0, null, null)))
                .isEqualTo("3/5 files");
        assertThat(ProgressText.counts(new IndexProgress(Phase.SCANNING, 0, 0, 0, 0, 0, null, null))).isEmpty();
    }
}
