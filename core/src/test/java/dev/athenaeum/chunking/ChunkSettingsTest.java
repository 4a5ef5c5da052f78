package dev.athenaeum.chunking;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChunkSettingsTest {

    @Test
    void builderDefaults() {
        ChunkSettings settings = ChunkSettings.builder().build();

        assertThat(settings.chunkSize()).isEqualTo(512);
        assertThat(settings.chunkOverlap()).isEqualTo(64);
        assertThat(settings).isEqualTo(ChunkSettings.DEFAULT).isEqualTo(ChunkSettings.of(512, 64));
    }

    @Test
    void builderSetsBothValues() {
        ChunkSettings settings = ChunkSettings.builder().chunkSize(1024).chunkOverlap(200).build();

        assertThat(settings).isEqualTo(new ChunkSettings(1024, 200));
    }

    @Test
    void boundaryValuesAreAccepted() {
        assertThat(ChunkSettings.of(32, 0).chunkSize()).isEqualTo(ChunkSettings.MIN_CHUNK_SIZE);
        assertThat(ChunkSettings.of(32_768, 32_767).chunkSize()).isEqualTo(ChunkSettings.MAX_CHUNK_SIZE);
        assertThat(ChunkSettings.of(64, 63).chunkOverlap()).isEqualTo(63);
    }

    @ParameterizedTest
    @CsvSource({
            "512, 512, chunk overlap (512) must be smaller than the chunk size (512)",
            "256, 300, chunk overlap (300) must be smaller than the chunk size (256)",
            "100, -1, 'chunk overlap must not be negative, got -1'",
            "31, 0, chunk size 31 is too small: use at least 32 tokens",
            "0, 0, chunk size 0 is too small: use at least 32 tokens",
            "-512, 0, chunk size -512 is too small: use at least 32 tokens",
            "32769, 64, chunk size 32769 is too large: use at most 32768 tokens"})
    void invalidSettingsAreRejectedWithAClearMessage(int size, int overlap, String message) {
        assertThatThrownBy(() -> ChunkSettings.of(size, overlap))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void builderValidatesToo() {
        assertThatThrownBy(() -> ChunkSettings.builder().chunkSize(64).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("chunk overlap (64) must be smaller than the chunk size (64)");
        assertThatThrownBy(() -> ChunkSettings.builder().chunkOverlap(-5).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("chunk overlap must not be negative, got -5");
    }
}
