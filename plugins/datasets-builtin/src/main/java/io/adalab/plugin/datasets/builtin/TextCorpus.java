package io.adalab.plugin.datasets.builtin;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A character-level corpus: its vocabulary and its text as token ids in a temporary file, read by
 * position. Built in two streaming passes over the source (count the characters, then encode), so
 * heap use does not grow with the corpus: a text larger than memory works. Tokens are Unicode code
 * points; the vocabulary is sorted by code point. If the text has more distinct characters than
 * {@code maxVocab}, the most frequent {@code maxVocab - 1} are kept (ties: lower code point) and the
 * rest map to {@link #UNKNOWN}.
 */
final class TextCorpus implements Closeable {
    /** Stands for characters outside a capped vocabulary: U+FFFD REPLACEMENT CHARACTER. */
    static final int UNKNOWN = 0xFFFD;
    private final int[] vocabulary;
    private final long length;
    private final int width;
    private final Path file;
    private final FileChannel channel;

    private TextCorpus(int[] vocabulary, long length, Path file) throws IOException {
        this.vocabulary = vocabulary;
        this.length = length;
        this.width = vocabulary.length <= 256 ? 1 : 2;
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
    }

    /**
     * Reads {@code source} twice and encodes it.
     *
     * @param maxVocab   largest vocabulary, 2..65536
     * @param limitChars read at most this many characters (code points), or {@code Long.MAX_VALUE}
     */
    static TextCorpus build(TextSource source, int maxVocab, long limitChars) throws IOException {
        long[] bmp = new long[1 << 16];
        Map<Integer, long[]> counts = new HashMap<>();
        long n = scan(source, limitChars, cp -> {
            if (cp < bmp.length) {
                bmp[cp]++;
            } else {
                counts.computeIfAbsent(cp, k -> new long[1])[0]++;
            }
        });
        for (int c = 0; c < bmp.length; c++) {
            if (bmp[c] > 0) {
                counts.put(c, new long[] {bmp[c]});
            }
        }
        if (n == 0) {
            throw new IOException("text: " + source.name() + " is empty");
        }
        int[] vocab = vocabulary(counts, maxVocab);
        Map<Integer, Integer> ids = new HashMap<>();
        for (int i = 0; i < vocab.length; i++) {
            ids.put(vocab[i], i);
        }
        int unknown = ids.getOrDefault(UNKNOWN, -1);
        int[] bmpIds = new int[1 << 16];
        for (int c = 0; c < bmpIds.length; c++) {
            bmpIds[c] = ids.getOrDefault(c, unknown);
        }
        int width = vocab.length <= 256 ? 1 : 2;
        Path tmp = Files.createTempFile("adalab-text-", ".tokens");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            scan(source, limitChars, cp -> {
                int id = cp < bmpIds.length ? bmpIds[cp] : ids.getOrDefault(cp, unknown);
                if (width == 2) {
                    out.write(id >>> 8);
                }
                out.write(id & 0xff);
            });
            out.flush();
            return new TextCorpus(vocab, n, tmp);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    private static int[] vocabulary(Map<Integer, long[]> counts, int maxVocab) {
        List<Integer> chars = new ArrayList<>(counts.keySet());
        if (chars.size() > maxVocab) {
            chars.sort((a, b) -> counts.get(a)[0] != counts.get(b)[0]
                ? Long.compare(counts.get(b)[0], counts.get(a)[0]) : Integer.compare(a, b));
            chars = new ArrayList<>(chars.subList(0, maxVocab - 1));
            if (!chars.contains(UNKNOWN)) {
                chars.add(UNKNOWN);
            }
        }
        int[] v = chars.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(v);
        return v;
    }

    /** Something done with each code point; may throw I/O errors. */
    private interface CodePoints {
        void accept(int codePoint) throws IOException;
    }

    private static long scan(TextSource source, long limit, CodePoints sink) throws IOException {
        long n = 0;
        char[] buf = new char[1 << 14];
        for (int part = 0; part < source.parts() && n < limit; part++) {
            try (InputStream in = source.open(part);
                 Reader r = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                     .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
                int pendingHigh = -1;
                int got;
                while (n < limit && (got = r.read(buf)) > 0) {
                    for (int i = 0; i < got && n < limit; i++) {
                        char c = buf[i];
                        int cp;
                        if (Character.isHighSurrogate(c)) {
                            pendingHigh = c;
                            continue;
                        } else if (Character.isLowSurrogate(c) && pendingHigh >= 0) {
                            cp = Character.toCodePoint((char) pendingHigh, c);
                        } else {
                            cp = c;
                        }
                        pendingHigh = -1;
                        if (cp == 0xFEFF && n == 0) {
                            continue; // a byte-order mark is not text
                        }
                        sink.accept(cp);
                        n++;
                    }
                }
            } catch (CharacterCodingException e) {
                throw new IOException("text: " + source.part(part) + " is not valid UTF-8 (" + e + ")", e);
            } catch (java.io.EOFException | java.util.zip.ZipException e) {
                throw new IOException("text: " + source.part(part) + " is truncated or corrupt (" + e.getMessage() + ")", e);
            }
        }
        return n;
    }

    /** The code points of the vocabulary, by token id. */
    int[] vocabulary() {
        return vocabulary.clone();
    }

    /** Number of tokens (characters). */
    long length() {
        return length;
    }

    /** Reads tokens {@code [start, start + out.length)} into {@code out}. Thread-safe. */
    void read(long start, int[] out, ByteBuffer scratch) throws IOException {
        ByteBuffer b = scratch;
        b.clear();
        b.limit(out.length * width);
        long pos = start * width;
        while (b.hasRemaining()) {
            int r = channel.read(b, pos);
            if (r < 0) {
                throw new IOException("text: token file " + file + " ended early at byte " + pos);
            }
            pos += r;
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = width == 1 ? b.get(i) & 0xff : ((b.get(2 * i) & 0xff) << 8) | (b.get(2 * i + 1) & 0xff);
        }
    }

    /** A scratch buffer for {@link #read} of up to {@code tokens} tokens. */
    ByteBuffer scratch(int tokens) {
        return ByteBuffer.allocate(tokens * width);
    }

    @Override public void close() throws IOException {
        channel.close();
        Files.deleteIfExists(file);
    }
}
