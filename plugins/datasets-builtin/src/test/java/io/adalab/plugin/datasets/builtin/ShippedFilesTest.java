package io.adalab.plugin.datasets.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ShippedFilesTest {
    private static final Pattern ROW = Pattern.compile("^\\| `([\\w.]+)` \\| (\\d+) \\| `([0-9a-f]{64})` \\|$",
        Pattern.MULTILINE);

    /** file -> {size, sha256} from the module README (tests run in the module folder). */
    private static Map<String, String[]> readmeTable() throws IOException {
        Map<String, String[]> out = new LinkedHashMap<>();
        Matcher m = ROW.matcher(Files.readString(Path.of("README.md")));
        while (m.find()) {
            out.put(m.group(1), new String[] {m.group(2), m.group(3)});
        }
        return out;
    }

    @Test
    void everyShippedFileHasTheSizeAndSha256TheReadmeStates() throws Exception {
        Map<String, String[]> table = readmeTable();
        assertThat(table).containsOnlyKeys("digits.csv.gz", "digits.rst", "iris.csv", "iris.rst",
            "wine_data.csv", "wine_data.rst", "breast_cancer.csv", "breast_cancer.rst");
        for (Map.Entry<String, String[]> e : table.entrySet()) {
            byte[] bytes = resource(e.getKey());
            assertThat(bytes).as(e.getKey()).hasSize(Integer.parseInt(e.getValue()[0]));
            assertThat(sha256(bytes)).as(e.getKey()).isEqualTo(e.getValue()[1]);
        }
    }

    @Test
    void theLicenceShipsNextToTheData() throws IOException {
        assertThat(new String(resource("LICENSE-scikit-learn.txt"), java.nio.charset.StandardCharsets.UTF_8))
            .contains("BSD 3-Clause License", "Scikit-Learn Developers");
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = TableReader.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
