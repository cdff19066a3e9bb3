package io.adalab.testkit.reference;

import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;
import io.adalab.api.Optimizer;
import io.adalab.api.UpdateRule;
import io.adalab.api.Vec;

/** Plain SGD (torch semantics with momentum 0) for the replay's own tests; {@code wrong} doubles the step. */
final class TestSgd implements Optimizer {
    private final boolean wrong;

    TestSgd(boolean wrong) {
        this.wrong = wrong;
    }

    @Override public String id() {
        return "sgd";
    }

    @Override public String displayName() {
        return "test SGD";
    }

    @Override public HyperparameterSchema schema() {
        return HyperparameterSchema.builder()
            .real("lr", 0.01).positive()
            .real("momentum", 0.0).range(0, 0)
            .real("dampening", 0.0)
            .real("weight_decay", 0.0).nonNegative()
            .bool("nesterov", false)
            .build();
    }

    @Override public UpdateRule create(Hyperparameters h) {
        double wd = h.real("weight_decay");
        double factor = wrong ? 2 : 1;
        return UpdateRule.of(0, (b, ctx) -> {
            Vec p = b.params();
            Vec g = b.grad();
            double lr = ctx.learningRate() * factor;
            for (int i = 0; i < p.length(); i++) {
                p.set(i, p.get(i) - lr * (g.get(i) + wd * p.get(i)));
            }
        });
    }
}
