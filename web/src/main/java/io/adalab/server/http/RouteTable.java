package io.adalab.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every REST route, registered with Javalin and described in the same call, so the OpenAPI
 * document ({@link OpenApi}) cannot drift from what is served.
 */
public final class RouteTable {
    /** Prefix of every REST route. */
    public static final String PREFIX = "/api/v1";
    private final List<Doc> docs = new CopyOnWriteArrayList<>();

    /** One parameter of a route. */
    public record Param(String name, String in, String type, boolean required, String description) {
    }

    /** The description of one route; filled fluently after registration. */
    public static final class Doc {
        final String method;
        final String path;
        final String summary;
        final String tag;
        final List<Param> params = new ArrayList<>();
        final Map<Integer, String> responses = new LinkedHashMap<>();
        final List<String> bodyTypes = new ArrayList<>();
        boolean needsToken;
        String produces = "application/json";

        Doc(String method, String path, String summary, String tag) {
            this.method = method;
            this.path = path;
            this.summary = summary;
            this.tag = tag;
        }

        /** A path parameter (always required). */
        public Doc path(String name, String description) {
            params.add(new Param(name, "path", name.equals("id") ? "integer" : "string", true, description));
            return this;
        }

        /** An optional query parameter of a JSON schema type. */
        public Doc query(String name, String type, String description) {
            params.add(new Param(name, "query", type, false, description));
            return this;
        }

        /** A response status with its meaning. */
        public Doc response(int status, String description) {
            responses.put(status, description);
            return this;
        }

        /** Accepted request body media types. */
        public Doc body(String... mediaTypes) {
            bodyTypes.addAll(List.of(mediaTypes));
            return this;
        }

        /** The state-changing route needs the API token beyond loopback. */
        public Doc token() {
            needsToken = true;
            return this;
        }

        /** Media types of a successful response, e.g. {@code text/csv, application/json}. */
        public Doc produces(String mediaTypes) {
            produces = mediaTypes;
            return this;
        }
    }

    /** Registers routes of one area (an OpenAPI tag) on Javalin's route config. */
    public Area area(RoutesConfig routes, String tag) {
        return new Area(routes, tag);
    }

    /** Routes of one area. */
    public final class Area {
        private final RoutesConfig routes;
        private final String tag;

        Area(RoutesConfig routes, String tag) {
            this.routes = routes;
            this.tag = tag;
        }

        public Doc get(String path, String summary, Handler h) {
            return add(HandlerType.GET, path, summary, h);
        }

        public Doc post(String path, String summary, Handler h) {
            return add(HandlerType.POST, path, summary, h);
        }

        public Doc delete(String path, String summary, Handler h) {
            return add(HandlerType.DELETE, path, summary, h);
        }

        private Doc add(HandlerType type, String path, String summary, Handler h) {
            routes.addHttpHandler(type, PREFIX + path, h);
            Doc d = new Doc(type.toString().toLowerCase(java.util.Locale.ROOT), PREFIX + path, summary, tag);
            docs.add(d);
            return d;
        }
    }

    /** Everything registered so far, in registration order. */
    public List<Doc> docs() {
        return List.copyOf(docs);
    }
}
