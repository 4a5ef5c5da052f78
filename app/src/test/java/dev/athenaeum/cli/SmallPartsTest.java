package dev.athenaeum.cli;

import dev.athenaeum.embedding.EmbeddingFailedException;
import dev.athenaeum.progress.CancelledException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmallPartsTest {

    @Test
    void sizesParseWithBinaryUnits() {
        assertThat(ByteSizeConverter.parse("10MB")).isEqualTo(10L * 1024 * 1024);
        assertThat(ByteSizeConverter.parse("512k")).isEqualTo(512L * 1024);
        assertThat(ByteSizeConverter.parse("1.5 GiB")).isEqualTo(3L * 512 * 1024 * 1024);
        assertThat(ByteSizeConverter.parse("2000")).isEqualTo(2000);
        assertThat(ByteSizeConverter.parse("2000b")).isEqualTo(2000);
        assertThatThrownBy(() -> ByteSizeConverter.parse("ten MB")).isInstanceOf(TypeConversionException.class)
                .hasMessage("'ten MB' is not a size: use e.g. 500KB, 10MB or 1GB");
        assertThatThrownBy(() -> ByteSizeConverter.parse("0KB")).isInstanceOf(TypeConversionException.class);
    }

    @Test
    void exceptionsBecomeOneReadableLine() {
        assertThat(Errors.message(new IllegalArgumentException("chunk size 3 is too small"))).isEqualTo("chunk size 3 is too small");
        assertThat(Errors.message(new UncheckedIOException(new NoSuchFileException("/x/y.md")))).isEqualTo("no such file or folder: /x/y.md");
        assertThat(Errors.message(new AccessDeniedException("/x"))).isEqualTo("permission denied: /x");
        assertThat(Errors.message(new IOException("disk full\n  while writing"))).isEqualTo("disk full while writing");
        assertThat(Errors.message(new EmbeddingFailedException("Ollama is not running at http://localhost:11434", null)))
                .isEqualTo("Ollama is not running at http://localhost:11434");
        assertThat(Errors.message(new CancelledException())).isEqualTo("cancelled");
        assertThat(Errors.message(new OutOfMemoryError("Java heap space"))).startsWith("out of memory: ");
        assertThat(Errors.message(new IllegalStateException("boom")))
                .isEqualTo("unexpected error: java.lang.IllegalStateException: boom (run with --verbose for the stack trace)");
    }

    @Test
    void picocliSentencesAreLowerCasedButAcronymsAreNot() {
        assertThat(Errors.lowerFirst("Unknown option: '--x'")).isEqualTo("unknown option: '--x'");
        assertThat(Errors.lowerFirst("QUERY is missing")).isEqualTo("QUERY is missing");
    }
}
