package dev.cameltiledb.emulator.http;

import java.util.Set;

import dev.cameltiledb.emulator.common.Route;

/**
 * The error answers that the official spec declares without a body: a 404 whose response has a description ("Array
 * does not exist or user does not have permissions to share array") and no {@code Error} schema. The emulator sends
 * those with an empty body (and its {@code X-Request-Id}), as the spec says and as TileDB's Python client expects
 * ({@code "Array or Namespace Not found"} for a 404 without a body). Every other error carries the spec's
 * {@code Error} JSON. Endpoints are named by method and path with unnamed variables, so a route spelled
 * {@code {group}} or {@code {group_name}} is the same endpoint.
 */
final class BodilessErrors {

    /** From openapi-v1.yaml and openapi-v2.yaml: the endpoints whose 404 has no schema. */
    private static final Set<String> NOT_FOUND_WITHOUT_BODY = Set.of(
            "GET /v1/arrays/{}/{}/share",
            "PATCH /v1/arrays/{}/{}/share",
            "POST /v1/arrays/{}/{}/enumerations",
            "POST /v1/arrays/{}/{}/schema",
            "GET /v1/groups/{}/{}/share",
            "PATCH /v1/groups/{}/{}/share",
            "POST /v1/user/password_reset",
            "GET /v1/users/{}",
            "GET /v1/organizations/{}",
            "GET /v1/organizations/{}/{}",
            "GET /v1/tasks/sidebar",
            "GET /v1/udf/{}/{}",
            "GET /v1/udf/{}/{}/share",
            "PATCH /v1/udf/{}/{}/share",
            "GET /v1/notebooks/server/{}/status",
            "DELETE /v1/notebooks/server/{}",
            "POST /v1/invitations/{}",
            "DELETE /v1/invitations/{}/{}/{}/share",
            "DELETE /v1/invitations/group/{}/{}/{}/share",
            "DELETE /v1/invitations/{}/{}/join",
            "DELETE /v1/invitations/share_payment/{}/{}",
            "OPTIONS /v2/groups/{}/{}");

    private BodilessErrors() {}

    /** Whether the spec gives this status of the route no body. */
    static boolean bodiless(Route<?> route, int status) {
        return status == 404
                && NOT_FOUND_WITHOUT_BODY.contains(
                        route.method() + " " + route.path().replaceAll("\\{[^}]+}", "{}"));
    }
}
