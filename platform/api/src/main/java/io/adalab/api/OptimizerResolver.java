package io.adalab.api;

import java.util.Map;

/**
 * Turns a nested optimizer configuration ({@code {optimizer: adam, lr: 0.01}}) into a
 * {@link ResolvedOptimizer}. The platform supplies one backed by its plugin registry; tests can
 * supply a map of known optimizers.
 */
@FunctionalInterface
public interface OptimizerResolver {

    /**
     * @param field  the hyperparameter name, for error messages
     * @param config the key {@code optimizer} (an id) plus that optimizer's hyperparameters
     * @throws HyperparameterException if the id is unknown or a value is invalid
     */
    ResolvedOptimizer resolve(String field, Map<String, ?> config);

    /** A resolver over a fixed set of optimizers, by id. */
    static OptimizerResolver of(Map<String, Optimizer> byId) {
        return new OptimizerResolver() {
            @Override public ResolvedOptimizer resolve(String field, Map<String, ?> config) {
                Object id = config.get("optimizer");
                Optimizer o = id == null ? null : byId.get(id.toString());
                if (o == null) {
                    throw new HyperparameterException(field + ".optimizer", "unknown optimizer '" + id
                        + "'; known: " + String.join(", ", new java.util.TreeSet<>(byId.keySet())));
                }
                Map<String, Object> rest = new java.util.LinkedHashMap<>(config);
                rest.remove("optimizer");
                try {
                    return new ResolvedOptimizer(o, o.schema().resolve(rest, this));
                } catch (HyperparameterException e) {
                    throw new HyperparameterException(field + "." + e.field(), e.getMessage());
                }
            }
        };
    }
}
