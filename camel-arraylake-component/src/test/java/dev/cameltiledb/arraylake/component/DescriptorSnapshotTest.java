package dev.cameltiledb.arraylake.component;

import java.util.List;

import dev.cameltiledb.camel.testing.DescriptorDiff;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What users see of the component, its options, headers, defaults and values as Camel's tooling, the docs and the
 * starter read them, stays as it was: the descriptor {@code camel-package-maven-plugin} generates is compared with
 * the snapshot in {@code src/test/resources/descriptor-snapshot/arraylake.json}, entry by entry. A deliberate change
 * (a new option) replaces the snapshot with the new descriptor in the same commit.
 */
class DescriptorSnapshotTest {

    /**
     * The differences from the snapshot that change nothing a route, a header or a property can send or receive, as
     * patterns that must each match a difference in full; each says why.
     */
    private static final List<String> ACCEPTED = List.of(
            // issue 28: the message options are grouped by concern like TileDB's (ListingOptions, RepoOptions...);
            // configurationClass and configurationField name the Java class and field an option is kept in, which
            // Camel's generated configurers use: a URI, a header or a Spring property writes it as before
            "(componentProperties|properties)\\.\\w+\\.configurationClass:"
                    + " dev\\.cameltiledb\\.arraylake\\.component\\.ArraylakeConfiguration"
                    + " -> dev\\.cameltiledb\\.arraylake\\.component\\.(Listing|Repo|Delete|Bucket|Permission|Service)Options",
            "(componentProperties|properties)\\.\\w+\\.configurationField: configuration"
                    + " -> (listing|repoOptions|deleteOptions|bucketOptions|permissionOptions|serviceOptions)",
            // the fixed value sets kind, createMode, mode, access and serviceType are enums (as operation): the
            // descriptor listed the same values before ("type": "enum"), URIs, headers and Spring properties take the
            // same text (in any case now), the Java type of the option and of its header is the enum, and the header
            // lists its values as the option does
            "(componentProperties|properties)\\.(kind|createMode|mode|access|serviceType)\\.javaType: java\\.lang\\.String"
                    + " -> dev\\.cameltiledb\\.arraylake\\.(component\\.(RepoKind|CreateMode|BucketAccess|ServiceType)"
                    + "|client\\.model\\.RepoMode)",
            "headers\\.CamelArraylake(Kind|CreateMode|Mode|Access|ServiceType)\\.javaType: String"
                    + " -> dev\\.cameltiledb\\.arraylake\\.(component\\.(RepoKind|CreateMode|BucketAccess|ServiceType)"
                    + "|client\\.model\\.RepoMode)",
            "headers\\.CamelArraylake(Kind|CreateMode|Mode|Access|ServiceType)\\.enum: added");

    @Test
    void theDescriptorIsTheSnapshot() {
        List<String> differences = DescriptorDiff.between(
                "/descriptor-snapshot/arraylake.json", "/META-INF/dev/cameltiledb/arraylake/component/arraylake.json");
        assertEquals(List.of(), DescriptorDiff.unexplained(differences, ACCEPTED));
    }
}
