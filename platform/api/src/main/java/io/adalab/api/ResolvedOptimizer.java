package io.adalab.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An optimizer together with validated hyperparameters: what a wrapper such as Lookahead receives
 * for its inner optimizer.
 *
 * @param optimizer       the extension
 * @param hyperparameters its validated configuration
 */
public record ResolvedOptimizer(Optimizer optimizer, Hyperparameters hyperparameters) {

    /** A fresh update rule of this optimizer (independent state). */
    public UpdateRule create() {
        return optimizer.create(hyperparameters);
    }

    /** The configuration as a map: {@code optimizer} (the id) plus the hyperparameters. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("optimizer", optimizer.id());
        m.putAll(hyperparameters.asMap());
        return m;
    }
}
