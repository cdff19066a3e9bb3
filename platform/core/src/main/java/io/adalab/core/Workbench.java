package io.adalab.core;

import io.adalab.api.Component;
import io.adalab.api.Hyperparameter;
import io.adalab.api.HyperparameterType;
import io.adalab.api.Hyperparameters;
import io.adalab.api.Optimizer;
import io.adalab.core.events.RunEventBus;
import io.adalab.core.events.RunStatus;
import io.adalab.core.events.RunListener;
import io.adalab.core.plugin.PluginHost;
import io.adalab.core.plugin.PluginLease;
import io.adalab.core.plugin.PluginRegistry;
import io.adalab.core.spec.ExperimentPlan;
import io.adalab.core.spec.ExperimentPlanner;
import io.adalab.core.spec.Resolved;
import io.adalab.core.spec.RunSpec;
import io.adalab.core.store.Database;
import io.adalab.core.store.MetricWriter;
import io.adalab.core.store.RunRecord;
import io.adalab.core.store.RunStore;
import io.adalab.core.store.SeriesReader;
import io.adalab.core.train.RunOutcome;
import io.adalab.core.metrics.RunMetrics;
import io.adalab.core.train.Asha;
import io.adalab.core.train.RunScheduler;
import io.adalab.core.train.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The platform wired together: plugins, planner, store, event bus, scheduler. The CLI and the
 * server each open one.
 */
public final class Workbench implements AutoCloseable {
    private final Settings settings;
    private final PluginRegistry registry;
    private final PluginHost host;
    private final Database db;
    private final RunStore store;
    private final MetricWriter writer;
    private final RunEventBus bus = new RunEventBus();
    private final RunScheduler scheduler;
    private final RunMetrics metrics;

    /**
     * Where things are.
     *
     * @param dataDir    data folder (database, user plugins)
     * @param pluginDirs folders with plugin jars; the last is the user plugin folder (created if missing,
     *                   watched while the workbench is open, where uploads are installed)
     * @param jdbcUrl    store URL, or null for the embedded H2 in {@code dataDir}
     * @param workers    concurrent runs, or 0 for the default
     */
    public record Settings(Path dataDir, List<Path> pluginDirs, String jdbcUrl, int workers) {
    }

    private Workbench(Settings s, PluginRegistry registry, PluginHost host, Database db) {
        this.settings = s;
        this.registry = registry;
        this.host = host;
        this.db = db;
        this.store = new RunStore(db);
        this.writer = new MetricWriter(db);
        bus.subscribe(writer);
        this.metrics = new RunMetrics(RunMetrics.Config.DEFAULTS, RunMetrics.labelsFrom(store));
        bus.subscribe(metrics);
        this.scheduler = new RunScheduler(new Trainer(s.dataDir()), bus, s.workers() > 0 ? s.workers() : RunScheduler.defaultWorkers());
    }

    /** Opens the store and loads plugins; extra extensions may be registered in {@code registry} beforehand. */
    public static Workbench open(Settings s, PluginRegistry registry) {
        try {
            Files.createDirectories(s.dataDir());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create data folder " + s.dataDir(), e);
        }
        if (!s.pluginDirs().isEmpty()) {
            Path user = s.pluginDirs().get(s.pluginDirs().size() - 1);
            try {
                Files.createDirectories(user);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot create plugin folder " + user, e);
            }
        }
        Database db = s.jdbcUrl() == null ? Database.openH2(s.dataDir()) : Database.open(s.jdbcUrl(), null, null);
        PluginHost host = PluginHost.load(s.pluginDirs(), registry);
        if (!Boolean.getBoolean("adalab.plugins.nowatch")) {
            host.watch(); // drop-in: a jar copied into a plugin folder is loaded without restart
        }
        return new Workbench(s, registry, host, db);
    }

    /** Starts ND4J on the host's class loader (STACK.md: never first on a plugin's loader). */
    public static void initNd4j() {
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(Workbench.class.getClassLoader());
        try {
            org.nd4j.linalg.factory.Nd4j.getBackend();
        } finally {
            t.setContextClassLoader(before);
        }
    }

    /** A launched experiment. */
    public record Launched(long experimentId, List<Long> runIds, List<CompletableFuture<RunOutcome>> outcomes) {
    }

    /**
     * Stores a planned experiment and queues all its runs. Each run holds the plugin versions it was
     * planned with until it ends, even if their jars are replaced or removed meanwhile.
     *
     * @throws IllegalStateException if a plugin of the plan was unloaded since planning (nothing is stored)
     */
    public Launched launch(ExperimentPlan plan) {
        List<PluginLease> leases = new ArrayList<>();
        RunStore.CreatedExperiment created;
        try {
            for (RunSpec r : plan.runs()) {
                leases.add(host.lease(components(r)));
            }
            created = store.create(plan);
        } catch (RuntimeException e) {
            leases.forEach(PluginLease::close);
            throw e;
        }
        List<CompletableFuture<RunOutcome>> futures = new ArrayList<>();
        RunScheduler.Gate gate = plan.maxParallel() == null ? null : scheduler.gate(plan.maxParallel());
        AutoCloseable asha = plan.early() == null ? null
            : bus.subscribe(new Asha(plan.early(), new java.util.HashSet<>(created.runIds()), scheduler));
        for (int i = 0; i < plan.runs().size(); i++) {
            PluginLease lease = leases.get(i);
            metrics.expect(created.runIds().get(i), plan.runs().get(i));
            CompletableFuture<RunOutcome> f = scheduler.submit(created.runIds().get(i), plan.runs().get(i), gate);
            f.whenComplete((o, e) -> lease.close());
            futures.add(f);
        }
        if (asha != null) {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).whenComplete((o, e) -> {
                try {
                    asha.close();
                } catch (Exception ignored) {
                    // removing a listener cannot fail
                }
            });
        }
        return new Launched(created.id(), created.runIds(), futures);
    }

    /**
     * A resumed run.
     *
     * @param runId    the run
     * @param spec     the run as planned again
     * @param fromStep the checkpoint's step it continues after (0: it starts over, having none)
     * @param outcome  completes when it ends
     */
    public record Resumed(long runId, RunSpec spec, long fromStep, CompletableFuture<RunOutcome> outcome) {
    }

    /**
     * Continues a cancelled, failed or interrupted run from its latest checkpoint (or from the
     * beginning if it kept none): the experiment's spec is planned again and must give the same run,
     * with the same plugin versions; what the run recorded after the checkpoint is replaced.
     *
     * @throws ResumeException naming why not (no such run, finished, running, plan or plugin changed)
     */
    public Resumed resume(long runId) {
        RunRecord r = store.run(runId).orElseThrow(() -> new ResumeException("no run " + runId, true));
        RunStatus st = r.status();
        if (!st.terminal() || st == RunStatus.FINISHED || st == RunStatus.DIVERGED) {
            throw new ResumeException("run " + runId + " is " + st + ": only cancelled, failed or interrupted runs resume", false);
        }
        String source = store.experimentSource(r.experimentId())
            .orElseThrow(() -> new ResumeException("the experiment of run " + runId + " is gone", true));
        RunSpec spec;
        try {
            ExperimentPlan plan = planner().plan(source, false);
            spec = r.index() < plan.runs().size() ? plan.runs().get(r.index()) : null;
        } catch (RuntimeException e) {
            throw new ResumeException("the experiment of run " + runId + " no longer plans: " + e.getMessage(), false);
        }
        if (spec == null || !spec.optimizer().id().equals(r.optimizer()) || spec.seed() != r.seed() || !spec.label().equals(r.label())) {
            throw new ResumeException("the experiment no longer plans run " + runId + " the same way (" + r.label() + ", seed "
                + r.seed() + "); start it anew instead", false);
        }
        String version = spec.optimizer().registered().pluginVersion();
        if (!version.equals(r.optimizerVersion())) {
            throw new ResumeException("run " + runId + " trained with " + r.optimizerPlugin() + " " + r.optimizerVersion()
                + ", now " + version + " is installed: resuming would mix two implementations", false);
        }
        java.util.Optional<RunStore.Checkpoint> cp = store.checkpoint(runId);
        PluginLease lease = host.lease(components(spec));
        CompletableFuture<RunOutcome> f;
        try {
            store.requeue(runId, cp.map(c -> "resuming after step " + c.step()).orElse("starting over: no checkpoint was kept"));
            metrics.expect(runId, spec);
            f = scheduler.resume(runId, spec, cp.map(RunStore.Checkpoint::state).orElse(null));
        } catch (RuntimeException e) {
            lease.close();
            store.restoreStatus(runId, st, r.message());
            throw e;
        }
        f.whenComplete((o, e) -> lease.close());
        return new Resumed(runId, spec, cp.map(RunStore.Checkpoint::step).orElse(0L), f);
    }

    /** Every extension a run calls, nested optimizers (Lookahead's inner one) included. */
    private static List<Component> components(RunSpec r) {
        List<Component> out = new ArrayList<>();
        for (Resolved<?> x : java.util.Arrays.asList(r.schedule(), r.dataset(), r.model(), r.problem())) {
            if (x != null) {
                out.add(x.extension());
            }
        }
        optimizers(r.optimizer().extension(), r.optimizer().hyperparameters(), out, 0);
        return out;
    }

    private static void optimizers(Optimizer o, Hyperparameters h, List<Component> out, int depth) {
        out.add(o);
        if (depth > 8) {
            return;
        }
        for (Hyperparameter e : o.schema().entries()) {
            if (e.type() == HyperparameterType.OPTIMIZER && h.has(e.name())) {
                var inner = h.optimizer(e.name());
                optimizers(inner.optimizer(), inner.hyperparameters(), out, depth + 1);
            }
        }
    }

    /** Adds a listener to every run's events. */
    public AutoCloseable subscribe(RunListener l) {
        return bus.subscribe(l);
    }

    public Settings settings() {
        return settings;
    }

    public PluginRegistry registry() {
        return registry;
    }

    public PluginHost plugins() {
        return host;
    }

    public ExperimentPlanner planner() {
        return new ExperimentPlanner(registry);
    }

    public RunStore store() {
        return store;
    }

    public SeriesReader series() {
        return new SeriesReader(db);
    }

    public MetricWriter writer() {
        return writer;
    }

    public RunScheduler scheduler() {
        return scheduler;
    }

    /** Per-run and platform meters; bind them to a registry to export them. */
    public RunMetrics metrics() {
        return metrics;
    }

    @Override public void close() {
        scheduler.close();
        writer.close();
        metrics.close();
        host.close();
        db.close();
    }
}
