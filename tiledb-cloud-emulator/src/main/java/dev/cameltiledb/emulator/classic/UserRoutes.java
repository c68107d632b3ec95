package dev.cameltiledb.emulator.classic;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.cameltiledb.emulator.Organization;
import dev.cameltiledb.emulator.User;
import dev.cameltiledb.emulator.common.Access;
import dev.cameltiledb.emulator.common.Router;
import dev.cameltiledb.emulator.http.ApiFailure;
import dev.cameltiledb.emulator.http.Handler;
import dev.cameltiledb.emulator.http.HttpCall;
import dev.cameltiledb.emulator.state.AssetStorage;
import dev.cameltiledb.emulator.state.EmulatorState;
import dev.cameltiledb.emulator.state.IssuedTokens;

/** The caller, its organizations, and session tokens: {@code /v1/user}, {@code /v1/organizations}, {@code /v1/session}. */
public final class UserRoutes {

    private final EmulatorState state;

    public UserRoutes(EmulatorState state) {
        this.state = state;
    }

    public void register(Router<Handler> router) {
        router.add("GET", "/v1/user", this::profile)
                .add("GET", "/v1/users/{username}", this::userProfile)
                .add("GET", "/v1/organizations", this::organizations)
                .add("GET", "/v1/organizations/{organization}", this::organization)
                // literal "user" first: it overlaps /v1/organizations/{organization}/{username}; so do the SSO
                // domains, which are not served and must not be taken for a member
                .add("POST", "/v1/organizations/{organization}/user", this::addMember)
                .notServed("/v1/organizations/{organization}/sso_domain")
                .notServed("/v1/organizations/{organization}/sso_domains")
                .add("GET", "/v1/organizations/{organization}/{username}", this::member)
                .add("PATCH", "/v1/organizations/{organization}/{username}", this::updateMember)
                .add("DELETE", "/v1/organizations/{organization}/{username}", this::removeMember)
                // a session token is issued by a GET
                .add("GET", "/v1/session", Access.WRITE, this::session);
    }

    private void profile(HttpCall call) {
        call.json(200, profileOf(call.user()));
    }

    /**
     * {@code getUserWithUsername}, by username or id: the caller's own profile whole; another user's as anyone may see
     * it (id, username, name), never their email, organizations or settings. An unknown user is a 404.
     */
    private void userProfile(HttpCall call) {
        String wanted = call.path("username");
        User user = state.accounts().user(wanted);
        if (user == null) {
            user = state.accounts().users().stream()
                    .filter(u -> state.accounts().idOf(u.username()).equals(wanted))
                    .findFirst()
                    .orElseThrow(() -> ApiFailure.notFound("user " + wanted + " does not exist"));
        }
        call.json(200, user.username().equals(call.user().username()) ? profileOf(user) : publicProfile(user));
    }

    /** What anyone may see of a user. */
    private UserAnswers.PublicProfile publicProfile(User user) {
        return new UserAnswers.PublicProfile(state.accounts().idOf(user.username()), user.username(), user.name());
    }

    private UserAnswers.Profile profileOf(User user) {
        return new UserAnswers.Profile(
                state.accounts().idOf(user.username()),
                user.username(),
                user.name(),
                user.email(),
                true,
                state.accounts().organizationsOf(user).stream()
                        .map(o -> membership(o, user.username()))
                        .toList(),
                user.allowedActions(),
                false,
                user.defaultS3Path(),
                user.defaultS3PathCredentialsName(),
                AssetStorage.locations(user),
                user.defaultNamespaceCharged());
    }

    private void organizations(HttpCall call) {
        call.json(
                200,
                state.accounts().organizationsOf(call.user()).stream()
                        .map(o -> organization(o, call.user().username()))
                        .toList());
    }

    /** By name or id; one the caller is not a member of is not found. */
    private void organization(HttpCall call) {
        String wanted = call.path("organization");
        call.json(
                200,
                state.accounts().organizationsOf(call.user()).stream()
                        .filter(o -> o.name().equals(wanted)
                                || state.accounts().idOf(o.name()).equals(wanted))
                        .findFirst()
                        .map(o -> organization(o, call.user().username()))
                        .orElseThrow(() -> ApiFailure.notFound(
                                "organization " + wanted + " does not exist or you are not a member")));
    }

    /**
     * Issues a session token (30 days with remember_me, else 30 minutes, or until {@code expires}) that then works as
     * an API key, and is listed by {@code GET /v1/tokens/session}.
     */
    private void session(HttpCall call) {
        boolean rememberMe = Boolean.TRUE.equals(call.queryBoolean("remember_me"));
        Instant issued = state.now();
        Instant expires = issued.plus(rememberMe ? Duration.ofDays(30) : Duration.ofMinutes(30));
        if (call.query("expires") != null && !call.query("expires").isEmpty()) {
            try {
                expires = java.time.OffsetDateTime.parse(call.query("expires")).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                throw ApiFailure.badRequest(
                        "expires must be an RFC 3339 date-time, was '" + call.query("expires") + "'");
            }
            if (!expires.isAfter(issued)) {
                throw ApiFailure.badRequest("expires must be in the future, was " + expires);
            }
        }
        IssuedTokens.Issued token = new IssuedTokens.Issued(
                "session-" + UUID.randomUUID(), "session", call.user().username(), issued, expires, List.of("*"), true);
        state.accounts().issueToken(token);
        call.json(200, TokenRoutes.answer(token, true));
    }

    // ---- organization membership

    /** The spec's {@code OrganizationRoles}. */
    private static final List<String> ROLES = List.of("owner", "admin", "read_write_delete", "read_write", "read_only");

    /**
     * One member, as {@code OrganizationUser}; the caller must be a member. A user who is not a member, or an
     * organization the caller is not in, is a 404 without a body, as the spec declares that answer ("User is not in
     * organization").
     */
    private void member(HttpCall call) {
        String username = call.path("username");
        String wanted = call.path("organization");
        Organization o = state.accounts().organizationsOf(call.user()).stream()
                .filter(org -> org.name().equals(wanted)
                        || state.accounts().idOf(org.name()).equals(wanted))
                .findFirst()
                .orElse(null);
        UserAnswers.OrganizationUser member =
                o != null && o.members().containsKey(username) ? organizationUser(o, username) : null;
        if (member == null) {
            call.empty(404);
        } else {
            call.json(200, member);
        }
    }

    /** Adds an existing user with a role ({@code read_only} when none is given); only owners and admins may. */
    private void addMember(HttpCall call) {
        Map<?, ?> body = call.body(Map.class);
        Object username = body.get("username");
        if (!(username instanceof String name) || name.isBlank()) {
            throw ApiFailure.badRequest("OrganizationUser.username is required");
        }
        String role = role(body.get("role"), "read_only");
        Organization o = administeredOrganization(call);
        if (state.accounts().user(name) == null) {
            throw ApiFailure.notFound("user " + name + " does not exist");
        }
        if (o.members().containsKey(name)) {
            throw ApiFailure.conflict("user " + name + " is in organization " + o.name() + " already");
        }
        if (role.equals("owner")) {
            throw ApiFailure.badRequest("an organization has one owner; add the user with another role");
        }
        changeMembers(o, members -> members.put(name, role));
        call.noContent();
    }

    /** Changes a member's role; the owner's role is not changed this way. */
    private void updateMember(HttpCall call) {
        String username = call.path("username");
        Map<?, ?> body = call.body(Map.class);
        Organization o = administeredOrganization(call);
        String current = o.members().get(username);
        if (current == null) {
            throw ApiFailure.notFound("user " + username + " is not in organization " + o.name());
        }
        String role = role(body.get("role"), current);
        if (!role.equals(current) && (current.equals("owner") || role.equals("owner"))) {
            throw ApiFailure.badRequest("the owner's role is not changed by updating a member");
        }
        changeMembers(o, members -> members.put(username, role));
        call.noContent();
    }

    /** Removes a member; owners and admins may remove anyone but the owner, and every member may leave. */
    private void removeMember(HttpCall call) {
        String username = call.path("username");
        Organization o = memberOrganization(call);
        String role = o.members().get(username);
        if (role == null) {
            throw ApiFailure.notFound("user " + username + " is not in organization " + o.name());
        }
        if (!username.equals(call.user().username())) {
            administeredOrganization(call);
        }
        if (role.equals("owner")) {
            throw ApiFailure.badRequest("the owner of organization " + o.name() + " cannot be removed");
        }
        changeMembers(o, members -> members.remove(username));
        call.noContent();
    }

    /** The organization with its members changed (organizations are immutable records). */
    private void changeMembers(Organization o, java.util.function.Consumer<Map<String, String>> change) {
        Map<String, String> members = new LinkedHashMap<>(o.members());
        change.accept(members);
        state.accounts().addOrganization(o.withMembers(members));
    }

    /** The organization of the path, by name or id, if the caller is a member; else 404, as getOrganization does. */
    private Organization memberOrganization(HttpCall call) {
        String wanted = call.path("organization");
        return state.accounts().organizationsOf(call.user()).stream()
                .filter(o -> o.name().equals(wanted)
                        || state.accounts().idOf(o.name()).equals(wanted))
                .findFirst()
                .orElseThrow(() ->
                        ApiFailure.notFound("organization " + wanted + " does not exist or you are not a member"));
    }

    /** The organization, if the caller is its owner or an admin; a plain member gets 403. */
    private Organization administeredOrganization(HttpCall call) {
        Organization o = memberOrganization(call);
        String role = o.members().get(call.user().username());
        if (!role.equals("owner") && !role.equals("admin")) {
            throw ApiFailure.forbidden(
                    "user " + call.user().username() + " (" + role + ") may not change the members of " + o.name());
        }
        return o;
    }

    private static String role(Object value, String fallback) {
        if (value == null) {
            return fallback;
        }
        if (!ROLES.contains(value.toString())) {
            throw ApiFailure.badRequest("role must be one of " + ROLES + ", was '" + value + "'");
        }
        return value.toString();
    }

    /** {@code OrganizationUser} with the name and email that the spec shows organization admins. */
    private UserAnswers.OrganizationUser organizationUser(Organization o, String username) {
        User user = state.accounts().user(username);
        return organizationUser(o, username, user == null ? null : user.name(), user == null ? null : user.email());
    }

    private UserAnswers.OrganizationInfo organization(Organization o, String username) {
        return new UserAnswers.OrganizationInfo(
                state.accounts().idOf(o.name()),
                o.members().get(username),
                o.name(),
                o.members().keySet().stream()
                        .sorted()
                        .map(member -> membership(o, member))
                        .toList(),
                Organization.actionsOf(o.members().get(username)),
                state.catalog().arrays().stream()
                        .filter(a -> a.namespace.equals(o.name()))
                        .count(),
                false,
                o.defaultS3Path(),
                o.defaultS3PathCredentialsName(),
                AssetStorage.locations(o));
    }

    private UserAnswers.OrganizationUser membership(Organization o, String username) {
        return organizationUser(o, username, null, null);
    }

    private UserAnswers.OrganizationUser organizationUser(
            Organization o, String username, String fullName, String email) {
        return new UserAnswers.OrganizationUser(
                state.accounts().idOf(username),
                state.accounts().idOf(o.name()),
                username,
                o.name(),
                o.members().get(username),
                Organization.actionsOf(o.members().get(username)),
                fullName,
                email);
    }
}
