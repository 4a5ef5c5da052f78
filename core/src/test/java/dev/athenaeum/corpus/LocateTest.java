package dev.athenaeum.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every name a scan gives leads back to its file, with one root or several. */
class LocateTest {

    @TempDir
    Path dir;

    @Test
    void namesOfAScanLeadBackToTheirFiles() throws IOException {
        Path notes = write("notes/a/one.md");
        Path docs = write("docs/two.md");
        Path single = write("loose.md");
        Path sameName = write("more/notes/three.md");
        List<Path> roots = List.of(dir.resolve("notes"), dir.resolve("docs"), single, dir.resolve("more/notes"));

        ScanResult scan = new CorpusScanner(ScanOptions.builder().roots(roots).build()).scan();

        assertThat(scan.files()).hasSize(4);
        for (SourceFile f : scan.files()) {
            assertThat(CorpusScanner.locate(roots, f.file())).as(f.file()).contains(f.path().toAbsolutePath().normalize());
        }
        assertThat(List.of(notes, docs, single, sameName)).allMatch(Files::exists);
    }

    @Test
    void namesOutsideTheRootsAreNotFound() throws IOException {
        write("notes/one.md");
        write("secret.md");
        List<Path> roots = List.of(dir.resolve("notes"));

        assertThat(CorpusScanner.locate(roots, "one.md")).isPresent();
        assertThat(CorpusScanner.locate(roots, "../secret.md")).isEmpty();
        assertThat(CorpusScanner.locate(roots, "missing.md")).isEmpty();
    }

    private Path write(String relative) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# " + relative + "\n\nText.\n");
        return file;
    }
}
