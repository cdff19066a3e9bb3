package io.adalab.server.live;

import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;
import io.adalab.api.Objective;
import io.adalab.api.ObjectiveFunction;
import io.adalab.api.PaperReference;
import io.adalab.api.Vec;
import java.util.Optional;

/**
 * A problem that behaves exactly like the plugin's, and also records every point where a
 * two-dimensional function is evaluated (the iterates of the run) into a {@link Track}. Everything
 * else (id, schema, provenance) is the plugin's own.
 */
final class RecordingObjective implements Objective {
    private final Objective delegate;
    private final Track track;

    RecordingObjective(Objective delegate, Track track) {
        this.delegate = delegate;
        this.track = track;
    }

    @Override public String id() {
        return delegate.id();
    }

    @Override public String displayName() {
        return delegate.displayName();
    }

    @Override public String description() {
        return delegate.description();
    }

    @Override public HyperparameterSchema schema() {
        return delegate.schema();
    }

    @Override public Optional<PaperReference> paper() {
        return delegate.paper();
    }

    @Override public ObjectiveFunction create(Hyperparameters hyperparameters, long seed) {
        ObjectiveFunction f = delegate.create(hyperparameters, seed);
        return f.dimension() == 2 ? new Recording(f, track) : f;
    }

    /** Records x before evaluating f(x). */
    private record Recording(ObjectiveFunction f, Track track) implements ObjectiveFunction {
        @Override public int dimension() {
            return 2;
        }

        @Override public void initialPoint(Vec out) {
            f.initialPoint(out);
        }

        @Override public double lossAndGradient(Vec x, Vec gradOut) {
            track.add(x.get(0), x.get(1));
            return f.lossAndGradient(x, gradOut);
        }

        @Override public Optional<Double> minimumValue() {
            return f.minimumValue();
        }
    }
}
