package dev.cameltiledb.arraylake.component;

import java.util.List;
import java.util.UUID;

import dev.cameltiledb.arraylake.client.model.Org;
import dev.cameltiledb.arraylake.client.model.Repo;
import dev.cameltiledb.arraylake.client.model.UserInfo;
import dev.cameltiledb.testing.LogCapture;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Against the real Arraylake, by hand or from a CI job that holds a token: runs only when {@code ARRAYLAKE_TOKEN} is set
 * ({@code ARRAYLAKE_SERVICE__URI} picks another deployment), and is reported as skipped otherwise. The endpoints name no
 * credentials: the component's settings chain reads both variables. Read-only (the token's user, its orgs, the repos of
 * the first org), unless {@code ARRAYLAKE_MANUAL_WRITE_ORG} names an org in which it may create a repo (on the org's
 * default bucket) and delete it again. The token never reaches a log line, even at DEBUG.
 */
@Tag("live")
@EnabledIfEnvironmentVariable(
        named = "ARRAYLAKE_TOKEN",
        matches = ".+",
        disabledReason =
                "set ARRAYLAKE_TOKEN (and ARRAYLAKE_SERVICE__URI for another deployment) to run against Arraylake")
class ArraylakeManualIT {

    /** Everything logged, at DEBUG; checked here so that a leak is reported without the line that holds it. */
    @RegisterExtension
    static final LogCapture LOGS = LogCapture.hidingLeaks(System.getenv("ARRAYLAKE_TOKEN"));

    private static CamelContext camel;
    private static ProducerTemplate template;

    @BeforeAll
    static void start() {
        camel = new DefaultCamelContext();
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterAll
    static void stop() throws Exception {
        camel.close();
    }

    @Test
    void theTokensUser() {
        UserInfo user = template.requestBody("arraylake:user?operation=get", null, UserInfo.class);
        assertNotNull(user.id(), "the service names the token's user");
    }

    @Test
    void theOrgsAndTheReposOfTheFirst() {
        List<Org> orgs = orgs();
        if (!orgs.isEmpty()) {
            List<?> repos = template.requestBodyAndHeader(
                    "arraylake:repos?operation=list",
                    null,
                    ArraylakeConstants.ORG,
                    orgs.get(0).name(),
                    List.class);
            repos.forEach(repo -> assertEquals(orgs.get(0).name(), ((Repo) repo).org(), "a repo of the org asked"));
        }
    }

    @Test
    @EnabledIfEnvironmentVariable(
            named = "ARRAYLAKE_MANUAL_WRITE_ORG",
            matches = ".+",
            disabledReason = "writes only with ARRAYLAKE_MANUAL_WRITE_ORG=<an org the token may create repos in>")
    void aRepoIsCreatedListedAndDeleted() {
        String org = System.getenv("ARRAYLAKE_MANUAL_WRITE_ORG");
        String repo = org + "/camel-arraylake-manual-it-"
                + UUID.randomUUID().toString().substring(0, 8);
        template.requestBodyAndHeader("arraylake:repos?operation=create", null, ArraylakeConstants.REPO, repo);
        try {
            assertTrue(repoNames(org).contains(repo), "the new repo is listed");
        } finally {
            template.requestBodyAndHeader(
                    "arraylake:repos?operation=delete&confirmDelete=true", null, ArraylakeConstants.REPO, repo);
        }
        assertFalse(repoNames(org).contains(repo), "the deleted repo is gone");
    }

    @SuppressWarnings("unchecked")
    private static List<Org> orgs() {
        return template.requestBody("arraylake:orgs?operation=list", null, List.class);
    }

    private static List<String> repoNames(String org) {
        List<?> repos = template.requestBodyAndHeader(
                "arraylake:repos?operation=list", null, ArraylakeConstants.ORG, org, List.class);
        return repos.stream()
                .map(r -> ((Repo) r).org() + "/" + ((Repo) r).name())
                .toList();
    }
}
