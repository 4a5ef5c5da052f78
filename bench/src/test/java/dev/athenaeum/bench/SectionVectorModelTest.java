package dev.athenaeum.bench;

import dev.langchain4j.data.segment.TextSegment;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SectionVectorModelTest {

    @Test
    void theNumberIsTheLastMarkOnTheFirstLine() {
        assertThat(SectionVectorModel.sectionId("fs excerpts, part 1 > fs §12\nbody §99")).isEqualTo(12);
        assertThat(SectionVectorModel.sectionId("a §3 > b §7")).isEqualTo(7);
        assertThat(SectionVectorModel.sectionId("no number\n§5")).isEqualTo(-1);
        assertThat(SectionVectorModel.sectionId("§99999999999999")).isEqualTo(-1);
    }

    @Test
    void windowsGetTheirChunksVectorWithALittleNoise() {
        float[][] chunks = ServerCorpusTest.randomUnitVectors(5, 384, 3);
        SectionVectorModel model = new SectionVectorModel(chunks, 0.1, 42);
        float[] a = model.vector("title > fs §2\nfirst window");
        float[] b = model.vector("title > fs §2\nsecond window");
        assertThat(Neighbours.dot(a, a)).isCloseTo(1f, within(1e-5f));
        assertThat(Neighbours.dot(a, chunks[2])).isGreaterThan(0.98f);
        assertThat(Neighbours.dot(a, b)).isGreaterThan(0.97f).isLessThan(0.99999f);
        assertThat(model.vector("title > fs §2\nfirst window")).containsExactly(a);
        assertThat(model.unmatched()).isZero();
    }

    @Test
    void textsWithoutANumberAreCountedAndStillGetAVector() {
        SectionVectorModel model = new SectionVectorModel(ServerCorpusTest.randomUnitVectors(5, 16, 3), 0.1, 42);
        var out = model.embedAll(List.of(TextSegment.from("plain text"), TextSegment.from("t > h §9\nout of range"),
                TextSegment.from("t > h §1\nfine"))).content();
        assertThat(out).hasSize(3);
        assertThat(model.unmatched()).isEqualTo(2);
        assertThat(model.windows()).isEqualTo(3);
        assertThat(model.dimension()).isEqualTo(16);
    }
}
