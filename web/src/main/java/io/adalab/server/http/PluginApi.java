package io.adalab.server.http;

import io.adalab.api.Component;
import io.adalab.core.plugin.ExtensionKind;
import io.adalab.core.plugin.InstallResult;
import io.adalab.core.plugin.InstalledPlugin;
import io.adalab.core.plugin.PluginEvent;
import io.adalab.core.plugin.PluginFiles;
import io.adalab.core.plugin.PluginRegistry;
import io.adalab.core.plugin.Registered;
import io.adalab.core.spec.TrainingConfig;
import io.javalin.config.JavalinState;
import io.javalin.http.Context;
import io.javalin.plugin.Plugin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.pf4j.PluginWrapper;

/**
 * {@code /plugins}: what is installed (with the hyperparameter schemas forms are built from, the
 * source jars, load errors and recent events), and uploading a plugin jar. Plugin events are also
 * streamed on the live topic {@value #TOPIC}.
 */
final class PluginApi extends Plugin<Void> {
    /** Live topic of plugin events ({@code {"type": "plugin", "event": "LOADED", ...}}). */
    static final String TOPIC = "plugins";
    /** Largest accepted plugin jar upload: 50 MiB. */
    static final long MAX_UPLOAD = 50L << 20;
    private static final Set<String> JAR_TYPES = Set.of("application/java-archive", "application/x-java-archive",
        "application/octet-stream", "application/zip");
    private final WebContext web;

    PluginApi(WebContext web) {
        this.web = web;
    }

    @Override public String name() {
        return "adalab-plugins";
    }

    @Override public void onInitialize(JavalinState state) {
        RouteTable.Area api = web.routes().area(state.routes, "plugins");
        api.get("/plugins", "Installed plugins (source jar, version, built-in or uploaded), every extension with its "
                + "hyperparameter schema, load errors and recent plugin events", this::list)
            .response(200, "{plugins, installed, errors, events, extensions: {optimizer: [...], ...}, training, problems}");
        api.post("/plugins", "Upload a plugin jar: validated (descriptor, unique id, Plugin-Requires, loadable classes), "
                + "then installed into the user plugin folder and loaded; a refused jar changes nothing", this::upload)
            .body("application/java-archive", "application/octet-stream").token()
            .query("filename", "string", "the jar's file name, e.g. my-optimizer-1.0.jar (required; sanitised)")
            .query("replace", "boolean", "replace an uploaded plugin with the same id (runs in flight keep the old version)")
            .response(201, "installed: {installed, plugin_id, version, file, replaced, extensions}")
            .response(400, "no file name ending in .jar, or an empty body").response(401, "token missing")
            .response(413, "larger than 50 MiB").response(415, "not a jar content type")
            .response(422, "refused: {error: plugin_refused, detail: the reason}; nothing was installed");
    }

    // ---- listing ------------------------------------------------------------------------------

    private void list(Context ctx) {
        PluginRegistry reg = web.workbench().registry();
        List<Map<String, Object>> plugins = new ArrayList<>();
        for (PluginWrapper w : web.workbench().plugins().plugins()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", w.getPluginId());
            p.put("version", w.getDescriptor().getVersion());
            p.put("provider", w.getDescriptor().getProvider());
            p.put("description", w.getDescriptor().getPluginDescription());
            p.put("state", w.getPluginState().toString());
            p.put("file", w.getPluginPath() == null ? null : w.getPluginPath().getFileName().toString());
            plugins.add(p);
        }
        List<Map<String, Object>> installed = new ArrayList<>();
        for (InstalledPlugin ip : web.workbench().plugins().installed()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", ip.id());
            p.put("version", ip.version());
            p.put("file", ip.source().getFileName().toString());
            p.put("folder", ip.source().getParent() == null ? null : ip.source().getParent().toString());
            p.put("builtin", ip.builtin());
            p.put("sha256", ip.sha256());
            p.put("extensions", ip.extensions());
            p.put("loaded_at", ip.loadedAt().toString());
            installed.add(p);
        }
        List<Map<String, Object>> errors = new ArrayList<>();
        for (String problem : reg.problems()) {
            errors.add(Map.of("error", "plugin_problem", "detail", problem));
        }
        Map<String, Object> ext = new LinkedHashMap<>();
        for (ExtensionKind k : ExtensionKind.values()) {
            ext.put(k.word(), reg.all(k).stream().map(PluginApi::extension).toList());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("plugins", plugins);
        m.put("installed", installed);
        m.put("errors", errors);
        m.put("events", web.workbench().plugins().events().stream().map(PluginApi::event).toList());
        m.put("user_folder", web.workbench().plugins().userFolder().map(Path::toString).orElse(null));
        m.put("extensions", ext);
        m.put("training", SystemApi.schema(TrainingConfig.SCHEMA));
        m.put("problems", reg.problems());
        ctx.json(m);
    }

    /** A plugin event as JSON fields (REST listing and the live topic). */
    static Map<String, Object> event(PluginEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", e.time().toString());
        m.put("event", e.type().name());
        m.put("plugin_id", e.pluginId());
        m.put("version", e.version());
        m.put("file", e.file());
        m.put("message", e.message());
        return m;
    }

    private static Map<String, Object> extension(Registered<?> r) {
        Component c = r.extension();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("name", c.displayName());
        m.put("description", c.description());
        m.put("plugin", r.pluginId());
        m.put("plugin_version", r.pluginVersion());
        m.put("paper", c.paper().map(p -> {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("authors", p.authors());
            pm.put("year", p.year());
            pm.put("title", p.title());
            pm.put("venue", p.venue());
            pm.put("arxiv", p.arxiv());
            pm.put("citation", p.citation());
            pm.put("url", p.arxiv().isEmpty() ? null : "https://arxiv.org/abs/" + p.arxiv());
            return pm;
        }).orElse(null));
        m.put("hyperparameters", SystemApi.schema(c.schema()));
        return m;
    }

    // ---- upload -------------------------------------------------------------------------------

    private void upload(Context ctx) throws IOException {
        String raw = ctx.queryParam("filename");
        if (raw == null || raw.isBlank()) {
            throw ApiError.badRequest("filename", "'filename' is required: the jar's name, e.g. ?filename=my-optimizer-1.0.jar");
        }
        String name = PluginFiles.safeJarName(raw).orElseThrow(() -> ApiError.badRequest("filename",
            "'" + raw + "' is not a plugin jar name: it must end in .jar (at most 128 characters)"));
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        String base = type.contains(";") ? type.substring(0, type.indexOf(';')).trim() : type.trim();
        if (!JAR_TYPES.contains(base)) {
            throw new ApiError(415, "unsupported_media_type", "send the jar's bytes as application/java-archive"
                + (base.isEmpty() ? "" : ", not " + base), null);
        }
        boolean replace = "true".equalsIgnoreCase(ctx.queryParam("replace"));
        Path dir = Files.createDirectories(web.workbench().settings().dataDir().resolve("uploads"));
        Path tmp = Files.createTempFile(dir, "upload-", ".jar");
        try {
            long n = copy(ctx.req().getInputStream(), tmp);
            if (n == 0) {
                throw ApiError.badRequest(null, "the body is empty: send the jar's bytes");
            }
            InstallResult r = web.workbench().plugins().install(tmp, name, replace);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("installed", r.installed());
            m.put("plugin_id", r.pluginId());
            m.put("version", r.version());
            m.put("file", r.file());
            m.put("replaced", r.replaced());
            m.put("extensions", r.extensions());
            if (!r.installed()) {
                m.put("error", "plugin_refused");
                m.put("detail", r.reason());
                m.put("field", null);
                ctx.status(422).json(m);
                return;
            }
            ctx.status(201).json(m);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Copies at most {@link #MAX_UPLOAD} bytes (a body without a length is counted, too); 413 beyond. */
    private static long copy(InputStream in, Path to) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(to)) {
            int k;
            while ((k = in.read(buf)) > 0) {
                total += k;
                if (total > MAX_UPLOAD) {
                    throw new ApiError(413, "body_too_large", "a plugin jar may have at most " + MAX_UPLOAD + " bytes", null);
                }
                out.write(buf, 0, k);
            }
        }
        return total;
    }
}
