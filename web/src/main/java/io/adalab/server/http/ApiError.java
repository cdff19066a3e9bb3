package io.adalab.server.http;

/**
 * A caller's mistake, answered as JSON {@code {error, detail, field}} with a 4xx status.
 * {@code error} is a stable machine-readable code; {@code detail} is for people.
 */
public final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String error;
    private final String field;

    public ApiError(int status, String error, String detail, String field) {
        super(detail);
        this.status = status;
        this.error = error;
        this.field = field;
    }

    /** 400 for a bad parameter or body value. */
    public static ApiError badRequest(String field, String detail) {
        return new ApiError(400, "bad_request", detail, field);
    }

    /** 404 for an unknown resource. */
    public static ApiError notFound(String what) {
        return new ApiError(404, "not_found", what + " does not exist", null);
    }

    /** 409 when the resource is in a state that forbids the request. */
    public static ApiError conflict(String detail) {
        return new ApiError(409, "conflict", detail, null);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String field() {
        return field;
    }
}
