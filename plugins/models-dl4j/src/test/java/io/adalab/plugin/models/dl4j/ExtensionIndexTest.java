package io.adalab.plugin.models.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class ExtensionIndexTest {
    @Test
    void everyModelFactoryIsListedInTheExtensionIndex() throws IOException {
        // test-classes has its own (empty) index from test compilation: read them all
        StringBuilder index = new StringBuilder();
        for (URL url : Collections.list(getClass().getClassLoader().getResources("META-INF/extensions.idx"))) {
            try (InputStream in = url.openStream()) {
                index.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(index).contains(LogisticRegressionFactory.class.getName(), MlpFactory.class.getName(),
            Fmnist2c2dFactory.class.getName(), LeNet5Factory.class.getName(), MnistMlpFactory.class.getName(),
            CharLstmFactory.class.getName(), TinyTransformerFactory.class.getName());
    }
}
