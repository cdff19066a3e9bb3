package io.adalab.plugin.datasets.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adalab.api.Batch;
import io.adalab.api.DType;
import io.adalab.api.Dataset;
import io.adalab.api.DatasetContext;
import io.adalab.api.HyperparameterException;
import io.adalab.api.Task;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextDatasetTest {
    @TempDir
    Path dir;
    private final TextDataset text = new TextDataset();

    private Dataset open(Map<String, ?> values) throws IOException {
        return text.open(text.schema().resolve(values), new DatasetContext(0, dir, DType.FLOAT32));
    }

    /** The characters of a batch's row {@code i}: inputs, then the targets decoded from the one-hot labels. */
    private static String[] row(Dataset d, Batch b, int i) {
        List<String> v = d.shape().classNames();
        StringBuilder in = new StringBuilder();
        StringBuilder out = new StringBuilder();
        long t = b.features().size(1);
        for (int s = 0; s < t; s++) {
            if (b.labelsMask() != null && b.labelsMask().getDouble(i, s) == 0) {
                break;
            }
            in.append(v.get(b.features().getInt(i, s)));
            out.append(v.get(b.labels().get(org.nd4j.linalg.indexing.NDArrayIndex.point(i),
                org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(s)).argMax().getInt(0)));
        }
        return new String[] {in.toString(), out.toString()};
    }

    @Test
    void theShippedCorpusIsTheDefaultWithASmallCharacterVocabulary() throws IOException {
        try (Dataset d = open(Map.of())) {
            assertThat(d.shape().task()).isEqualTo(Task.LANGUAGE_MODEL);
            assertThat(d.shape().features()).containsExactly(64);
            assertThat(d.shape().outputs()).isEqualTo(d.shape().classNames().size()).isBetween(40, 80);
            assertThat(d.shape().classNames()).contains("\n", " ", "a", "Z");
            long chars = 366194;
            assertThat(d.trainSize()).isEqualTo((chars - Math.round(0.1 * chars) - 1 - 64) / 64 + 1);
            Batch b = d.train(4, 0).next();
            assertThat(b.features().shape()).containsExactly(4, 64);
            assertThat(b.labels().shape()).containsExactly(4, d.shape().outputs(), 64);
            assertThat(b.labelsMask()).isNull();
        }
    }

    @Test
    void theShippedCorpusIsByteForByteTheOneTheReadmeDescribes() throws Exception {
        byte[] bytes;
        try (var in = TextSource.shipped().open(0)) {
            bytes = in.readAllBytes();
        }
        assertThat(bytes).hasSize(366194);
        assertThat(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes)))
            .isEqualTo("3faae4bdcd163d415b11d75992ab625db87570a8fc93632209a0cae3244b7f2a");
        assertThat(Files.readString(Path.of("README.md"))).contains("3faae4bdcd163d415b11d75992ab625db87570a8fc93632209a0cae3244b7f2a");
    }

    @Test
    void targetsAreTheInputsShiftedByOneCharacter() throws IOException {
        Files.writeString(dir.resolve("t.txt"), "abcdefghijklmnopqrstuvwxyz");
        try (Dataset d = open(Map.of("path", dir.resolve("t.txt").toString(), "seq_length", 5, "stride", 2,
            "validation_fraction", 0.0))) {
            assertThat(d.trainSize()).isEqualTo(11); // starts 0, 2, ..., 20 (the window needs 6 characters)
            assertThat(d.testSize()).isZero();
            Batch b = d.train(11, 3).next();
            List<String> rows = new ArrayList<>();
            for (int i = 0; i < 11; i++) {
                String[] r = row(d, b, i);
                assertThat(r[1].substring(0, 4)).isEqualTo(r[0].substring(1));
                rows.add(r[0]);
            }
            assertThat(rows).containsExactlyInAnyOrder("abcde", "cdefg", "efghi", "ghijk", "ijklm", "klmno", "mnopq",
                "opqrs", "qrstu", "stuvw", "uvwxy");
        }
    }

    @Test
    void theValidationPartIsTheEndOfTheTextPredictedOnceWithTheLastWindowMasked() throws IOException {
        Files.writeString(dir.resolve("t.txt"), "0123456789abcdefghij"); // 20 characters, the last 6 held out
        try (Dataset d = open(Map.of("path", dir.resolve("t.txt").toString(), "seq_length", 4,
            "validation_fraction", 0.3))) {
            assertThat(d.trainSize()).isEqualTo(3); // "01234", "45678", "89abc" inside the first 14 characters
            assertThat(d.testSize()).isEqualTo(2);
            Batch b = d.test(8).next();
            assertThat(row(d, b, 0)).containsExactly("efgh", "fghi");
            assertThat(row(d, b, 1)).containsExactly("i", "j");
            assertThat(b.labelsMask().ravel().toDoubleVector()).containsExactly(1, 1, 1, 1, 1, 0, 0, 0);
            List<String> train = new ArrayList<>();
            for (Iterator<Batch> it = d.train(1, 0); it.hasNext(); ) {
                Batch t = it.next();
                train.add(row(d, t, 0)[0] + row(d, t, 0)[1].charAt(3));
            }
            assertThat(train).containsExactlyInAnyOrder("01234", "45678", "89abc");
        }
    }

    @Test
    void theShuffleIsFixedBySeed() throws IOException {
        try (Dataset d = open(Map.of("limit_chars", 20_000))) {
            assertThat(d.train(8, 5).next().features()).isEqualTo(d.train(8, 5).next().features());
            assertThat(d.train(8, 5).next().features()).isNotEqualTo(d.train(8, 6).next().features());
        }
    }

    @Test
    void aFolderIsReadInPathOrderSkippingHiddenFilesAndCharactersBeyondTheBmpAreOneToken() throws IOException {
        Files.createDirectories(dir.resolve("c/b"));
        Files.writeString(dir.resolve("c/b/2.txt"), "CD\uD83D\uDE00");
        Files.writeString(dir.resolve("c/a.txt"), "AB");
        Files.writeString(dir.resolve("c/.hidden"), "zzzz");
        try (Dataset d = open(Map.of("path", dir.resolve("c").toString(), "seq_length", 4, "validation_fraction", 0.0))) {
            assertThat(d.shape().classNames()).containsExactly("A", "B", "C", "D", "\uD83D\uDE00");
            assertThat(row(d, d.train(1, 0).next(), 0)).containsExactly("ABCD", "BCD\uD83D\uDE00");
        }
    }

    @Test
    void rareCharactersBeyondMaxVocabBecomeTheReplacementCharacter() throws IOException {
        Files.writeString(dir.resolve("t.txt"), "aaaabbbcc d");
        try (Dataset d = open(Map.of("path", dir.resolve("t.txt").toString(), "seq_length", 3, "max_vocab", 3,
            "validation_fraction", 0.0))) {
            assertThat(d.shape().classNames()).containsExactly("a", "b", "\uFFFD");
        }
    }

    @Test
    void invalidUtf8IsRefusedNamingTheFile() throws IOException {
        Path f = Files.write(dir.resolve("bad.txt"), new byte[] {'a', 'b', (byte) 0xC3, '(', 'c'});
        assertThatThrownBy(() -> open(Map.of("path", f.toString(), "seq_length", 2)))
            .isInstanceOf(IOException.class).hasMessageContaining(f.toString()).hasMessageContaining("UTF-8");
    }

    @Test
    void aTextShorterThanOneSequenceIsRefusedNamingSeqLength() throws IOException {
        Path f = Files.writeString(dir.resolve("t.txt"), "short", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> open(Map.of("path", f.toString(), "seq_length", 10)))
            .isInstanceOfSatisfying(HyperparameterException.class, e -> assertThat(e.field()).isEqualTo("seq_length"));
    }

    @Test
    void aMissingPathIsRefusedNamingIt() {
        Path f = dir.resolve("absent.txt");
        assertThatThrownBy(() -> open(Map.of("path", f.toString()))).isInstanceOf(IOException.class)
            .hasMessageContaining(f.toString());
    }
}
