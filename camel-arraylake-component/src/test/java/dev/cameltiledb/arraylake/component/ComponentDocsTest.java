package dev.cameltiledb.arraylake.component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The docs page has a row for every operation and every seed function, and says what is out of scope. Its option and
 * header tables, between markers, are written by the build from the descriptor (component-generator).
 */
class ComponentDocsTest {

    private static final Path DOCS = Path.of("src/main/docs/arraylake-component.adoc");

    /** The functions of seed 003 (arraylake.Client), each to have its row. */
    private static final List<String> SEED_FUNCTIONS = List.of(
            "list_repos",
            "get_repo_object",
            "get_repo",
            "get_or_create_repo",
            "create_repo",
            "delete_repo",
            "create_bucket_config",
            "set_default_bucket_config",
            "get_bucket_config",
            "list_bucket_configs",
            "list_repos_for_bucket_config",
            "delete_bucket_config",
            "login",
            "logout",
            "get_api_client_id_from_token",
            "get_permission_check",
            "get_services");

    @Test
    void theDocsHaveARowForEveryOperationAndEverySeedFunction() throws Exception {
        String docs = Files.readString(DOCS);
        List<String> missing = new ArrayList<>();
        for (ArraylakeOperation operation : ArraylakeOperation.values()) {
            if (!docs.contains("| `" + operation + "` |")) {
                missing.add("operation " + operation);
            }
        }
        for (String function : SEED_FUNCTIONS) {
            if (!docs.contains("`" + function + "(")) {
                missing.add("seed function " + function);
            }
        }
        for (String scope :
                List.of("interactive browser login is out of scope", "icechunk repository is out of scope")) {
            if (!docs.contains(scope)) {
                missing.add(scope);
            }
        }
        assertEquals(List.of(), missing);
    }
}
