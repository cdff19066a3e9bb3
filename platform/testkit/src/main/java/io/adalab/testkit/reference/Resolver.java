package io.adalab.testkit.reference;

import io.adalab.api.HyperparameterException;
import io.adalab.api.Optimizer;
import io.adalab.api.OptimizerResolver;
import io.adalab.api.ResolvedOptimizer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Resolves nested optimizer configurations ({@code inner}) with the replay's optimizer lookup. */
final class Resolver implements OptimizerResolver {
    private final Function<String, Optional<Optimizer>> optimizers;

    Resolver(Function<String, Optional<Optimizer>> optimizers) {
        this.optimizers = optimizers;
    }

    @Override public ResolvedOptimizer resolve(String field, Map<String, ?> config) {
        Object id = config.get("optimizer");
        Optimizer o = id == null ? null : optimizers.apply(id.toString()).orElse(null);
        if (o == null) {
            throw new HyperparameterException(field + ".optimizer", "no optimizer '" + id + "' installed");
        }
        Map<String, Object> rest = new LinkedHashMap<>(config);
        rest.remove("optimizer");
        try {
            return new ResolvedOptimizer(o, o.schema().resolve(rest, this));
        } catch (HyperparameterException e) {
            throw new HyperparameterException(field + "." + e.field(), e.getMessage());
        }
    }
}
