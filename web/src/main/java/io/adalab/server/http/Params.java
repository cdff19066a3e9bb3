package io.adalab.server.http;

import io.javalin.http.Context;

/** Reading path and query parameters; a malformed value is the caller's mistake (400 naming it). */
final class Params {
    private Params() {
    }

    static long id(Context ctx) {
        return parseLong(ctx.pathParam("id"), "id");
    }

    static Long optLong(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? null : parseLong(v, name);
    }

    static int intParam(Context ctx, String name, int def, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return def;
        }
        long x = parseLong(v, name);
        if (x < min || x > max) {
            throw ApiError.badRequest(name, "'" + name + "' is " + x + ", must be in [" + min + ", " + max + "]");
        }
        return (int) x;
    }

    static Double optDouble(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(v.trim());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name, "'" + name + "' is '" + v + "', must be a finite number");
        }
    }

    /** {@code csv} or {@code json} (the default). */
    static String format(Context ctx) {
        String f = ctx.queryParam("format");
        if (f == null || f.isBlank()) {
            return "json";
        }
        if (!f.equals("csv") && !f.equals("json")) {
            throw ApiError.badRequest("format", "'format' is '" + f + "', must be csv or json");
        }
        return f;
    }

    private static long parseLong(String v, String name) {
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name, "'" + name + "' is '" + v + "', must be an integer");
        }
    }
}
