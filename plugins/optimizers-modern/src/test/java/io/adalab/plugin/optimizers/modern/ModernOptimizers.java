package io.adalab.plugin.optimizers.modern;

import io.adalab.api.Optimizer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every optimizer of this plugin, by id, as the platform would load them. */
final class ModernOptimizers {
    static final List<Optimizer> ALL = List.of(new AdaBelief(), new AdaBound(), new Yogi(), new Lamb(), new Lars(),
        new Lion(), new LaProp(), new AdaMod(), new Adan(), new QhAdam(), new Signum(), new SignSgd(), new NovoGrad(),
        new Madgrad(), new AdEMAMix());

    static final Map<String, Optimizer> BY_ID = ALL.stream().collect(Collectors.toMap(Optimizer::id, Function.identity()));

    private ModernOptimizers() {
    }

    static Optional<Optimizer> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }
}
