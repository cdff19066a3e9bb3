package io.adalab.plugin.optimizers.lrfree;

import io.adalab.api.Optimizer;
import io.adalab.api.OptimizerResolver;
import io.adalab.plugin.optimizers.adam.Adam;
import io.adalab.plugin.optimizers.classic.Sgd;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** This plugin's optimizers, plus the inner optimizers the wrappers need (from the adam and classic plugins). */
final class Fixtures {
    static final List<Optimizer> PLUGIN = List.of(new DAdaptSgd(), new DAdaptAdam(), new Prodigy(), new Dog(),
        new ScheduleFreeSgd(), new ScheduleFreeAdamW(), new Cocob(), new Lookahead(), new Mechanic());

    private Fixtures() {
    }

    /** Every optimizer by id: the plugin's and the inner {@code sgd} and {@code adam}. */
    static Map<String, Optimizer> all() {
        Map<String, Optimizer> out = new LinkedHashMap<>();
        PLUGIN.forEach(o -> out.put(o.id(), o));
        out.put("sgd", new Sgd());
        out.put("adam", new Adam());
        return out;
    }

    static Optional<Optimizer> byId(String id) {
        return Optional.ofNullable(all().get(id));
    }

    static OptimizerResolver resolver() {
        return OptimizerResolver.of(all());
    }
}
