package io.adalab.plugin.datasets.builtin;

import io.adalab.api.Dataset;
import io.adalab.api.DatasetContext;
import io.adalab.api.DatasetProvider;
import io.adalab.api.HyperparameterException;
import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;
import java.io.IOException;
import java.nio.file.Path;
import org.pf4j.Extension;

/**
 * {@code text}: character-level language modelling on any UTF-8 text, a file or a folder of files
 * ({@code .gz} read transparently), by default the corpus shipped in this plugin (the books of
 * Genesis and Exodus, King James Version, public domain; see the module README). The vocabulary is
 * the set of characters of the whole text (capped by {@code max_vocab}); the last
 * {@code validation_fraction} of the text, by position, is held out and reported as the test split.
 * Training examples are windows of {@code seq_length} characters every {@code stride} characters,
 * each predicting the next character at every position; evaluation reports per-character loss and
 * perplexity. The text is streamed from disk: a corpus larger than memory works.
 */
@Extension
public final class TextDataset implements DatasetProvider {
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .string("path", null).optional()
            .help("a UTF-8 text file or a folder of them (read in sorted order); default: the shipped corpus")
        .integer("seq_length", 64).range(1, 100_000).help("characters per training sequence")
        .integer("stride", null).optional().min(1)
            .help("characters between the starts of consecutive training sequences; default seq_length (no overlap)")
        .real("validation_fraction", 0.1).min(0).below(1)
            .help("fraction of the text, from its end, held out for validation (reported as test_*)")
        .integer("max_vocab", 256).range(2, 65_536)
            .help("largest vocabulary; rarer characters become U+FFFD")
        .integer("limit_chars", null).optional().min(2)
            .help("read only the first this many characters (quick experiments)")
        .build();

    @Override public String id() {
        return "text";
    }

    @Override public String displayName() {
        return "Character-level text";
    }

    @Override public String description() {
        return "Any UTF-8 text as a character-level language-modelling task; streamed; ships a public-domain corpus "
            + "(KJV Genesis and Exodus, 0.36 MB).";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public Dataset open(Hyperparameters hp, DatasetContext context) throws IOException {
        int seqLength = hp.integerAsInt("seq_length");
        int stride = hp.has("stride") ? hp.integerAsInt("stride") : seqLength;
        TextSource source = hp.has("path") ? TextSource.of(Path.of(hp.string("path"))) : TextSource.shipped();
        long limit = hp.has("limit_chars") ? hp.integer("limit_chars") : Long.MAX_VALUE;
        TextCorpus corpus = TextCorpus.build(source, hp.integerAsInt("max_vocab"), limit);
        long split = corpus.length() - Math.round(hp.real("validation_fraction") * corpus.length());
        if (split < seqLength + 1) {
            corpus.close();
            throw new HyperparameterException("seq_length", "the training part of " + source.name() + " has " + split
                + " characters, fewer than seq_length + 1 = " + (seqLength + 1));
        }
        return new TextWindows(corpus, split, seqLength, stride, context.dtype());
    }
}
