package dev.cameltiledb.client;

import java.util.List;

import dev.cameltiledb.client.model.OrganizationUser;
import dev.cameltiledb.client.model.User;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The Python client's find_organization_or_user_for_default_charges, rule by rule. */
class ChargedNamespaceTest {

    private static OrganizationUser member(String org, String... actions) {
        return new OrganizationUser(null, null, "u", null, null, org, "read_write", List.of(actions));
    }

    private static User user(String defaultCharged, List<OrganizationUser> orgs, String... actions) {
        return new User(
                null,
                "u",
                null,
                null,
                null,
                null,
                null,
                orgs,
                List.of(actions),
                null,
                null,
                null,
                null,
                null,
                defaultCharged,
                null);
    }

    @Test
    void explicitDefaultWins() {
        assertEquals(
                "billing",
                UsersApi.chargedNamespace(user("billing", List.of(member("org", "run_job")), "run_job"), "run_job"));
    }

    @Test
    void firstOrganizationOtherThanPublicThatAllowsTheAction() {
        User u = user(
                null,
                List.of(member("public", "run_job"), member("readers", "read"), member("workers", "run_job")),
                "run_job");
        assertEquals("workers", UsersApi.chargedNamespace(u, "run_job"));
        assertEquals("readers", UsersApi.chargedNamespace(u, null), "without a required action the first organization");
    }

    @Test
    void theUserWhenNoOrganizationFits() {
        assertEquals(
                "u", UsersApi.chargedNamespace(user(null, List.of(member("readers", "read")), "run_job"), "run_job"));
        assertEquals("u", UsersApi.chargedNamespace(user(null, null), null));
    }

    @Test
    void errorWhenNothingAllowsIt() {
        TileDBConfigurationException e = assertThrows(
                TileDBConfigurationException.class,
                () -> UsersApi.chargedNamespace(user(null, List.of(member("readers", "read")), "read"), "run_job"));
        assertEquals(
                "No namespace of user 'u' can be charged for 'run_job': no default_namespace_charged, no organization"
                        + " and no own permission allows it",
                e.getMessage());
    }
}
