package io.adalab.server.live;

import io.adalab.api.Objective;
import io.adalab.core.events.RunEvent;
import io.adalab.core.events.RunListener;
import io.adalab.core.plugin.Registered;
import io.adalab.core.spec.ExperimentPlan;
import io.adalab.core.spec.Resolved;
import io.adalab.core.spec.RunSpec;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the optimizer's path on two-dimensional problems (Rosenbrock, Beale, a 2-D quadratic) for
 * the contour plot. The platform stores series, not parameters, so the server launches such runs
 * with a {@link RecordingObjective} around the plugin's problem (same id, schema and provenance)
 * and writes each finished path to {@code <folder>/run-<id>.path}.
 */
public final class PathRecorder implements RunListener {
    private static final Logger LOG = LoggerFactory.getLogger(PathRecorder.class);
    private final Path folder;
    private final Map<Long, Track> tracks = new ConcurrentHashMap<>();

    /** @param folder where finished paths are kept across restarts, or null for memory only */
    public PathRecorder(Path folder) {
        this.folder = folder;
    }

    /** A plan whose problem runs record their paths, and the tracks in run order (null: not a problem). */
    public record Instrumented(ExperimentPlan plan, List<Track> tracks) {
    }

    /** Wraps every problem run of {@code plan}. */
    public Instrumented instrument(ExperimentPlan plan) {
        List<RunSpec> runs = new ArrayList<>();
        List<Track> out = new ArrayList<>();
        for (RunSpec r : plan.runs()) {
            if (!r.isProblem()) {
                runs.add(r);
                out.add(null);
                continue;
            }
            Track t = new Track();
            Registered<Objective> reg = r.problem().registered();
            Registered<Objective> wrapped = new Registered<>(new RecordingObjective(reg.extension(), t), reg.kind(),
                reg.pluginId(), reg.pluginVersion());
            runs.add(r.withProblem(new Resolved<>(wrapped, r.problem().hyperparameters())));
            out.add(t);
        }
        return new Instrumented(plan.withRuns(runs), out);
    }

    /** Associates the tracks of a launched plan with its run ids. */
    public void bind(Instrumented i, List<Long> runIds) {
        for (int k = 0; k < runIds.size(); k++) {
            Track t = i.tracks().get(k);
            if (t != null) {
                tracks.put(runIds.get(k), t);
            }
        }
    }

    /** The path of a run, from memory or from its file. Empty if the run is not a 2-D problem. */
    public Optional<Track> track(long runId) {
        Track t = tracks.get(runId);
        if (t != null) {
            return t.size() == 0 ? Optional.empty() : Optional.of(t);
        }
        return load(runId);
    }

    /** The point where step {@code step} evaluated its gradient, or null. Cheap; for live messages. */
    double[] position(long runId, long step) {
        Track t = tracks.get(runId);
        return t == null || step < 1 || step > Integer.MAX_VALUE ? null : t.at((int) (step - 1));
    }

    @Override public void onEvent(RunEvent event) {
        if (event instanceof RunEvent.Status s && s.status().terminal() && folder != null) {
            Track t = tracks.get(s.runId());
            if (t != null && t.size() > 0) {
                save(s.runId(), t);
            }
        }
    }

    private Path file(long runId) {
        return folder.resolve("run-" + runId + ".path");
    }

    private void save(long runId, Track t) {
        try {
            Files.createDirectories(folder);
            int n = t.size();
            try (OutputStream o = Files.newOutputStream(file(runId));
                 DataOutputStream d = new DataOutputStream(new java.io.BufferedOutputStream(o))) {
                d.writeInt(n);
                for (int i = 0; i < n; i++) {
                    double[] p = t.at(i);
                    d.writeDouble(p[0]);
                    d.writeDouble(p[1]);
                }
            }
        } catch (IOException e) {
            LOG.warn("could not keep the path of run {}: {}", runId, e.toString());
        }
    }

    private Optional<Track> load(long runId) {
        if (folder == null || !Files.isRegularFile(file(runId))) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file(runId));
             DataInputStream d = new DataInputStream(new java.io.BufferedInputStream(in))) {
            int n = d.readInt();
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = d.readDouble();
                y[i] = d.readDouble();
            }
            Track t = Track.of(x, y);
            tracks.put(runId, t);
            return Optional.of(t);
        } catch (IOException e) {
            LOG.warn("could not read the path of run {}: {}", runId, e.toString());
            return Optional.empty();
        }
    }

    /** Forgets the paths of deleted runs. */
    public void forget(List<Long> runIds) {
        for (long id : runIds) {
            tracks.remove(id);
            if (folder != null) {
                try {
                    Files.deleteIfExists(file(id));
                } catch (IOException e) {
                    LOG.debug("deleting path of run {}: {}", id, e.toString());
                }
            }
        }
    }
}
