package dev.cameltiledb.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a reader who is no member of an array's namespace gets, checked against the official spec: the array, but not
 * its activity log unless a share grants {@code read_array_logs}; and an empty shared listing as the service answers it.
 */
class ReadersHttpTest extends SpecCheckedHttpTest {

    /** bob reads carol's public array; its activity log is hers and her namespace's, not every reader's. */
    @Test
    void aPublicReaderIsRefusedTheActivityLogThatMembersAndLogSharesRead() throws Exception {
        assertEquals(
                "open",
                get("/v1/arrays/carol/open/metadata", "bob-key").get("name").asText());
        String eventId = get("/v1/arrays/carol/open/activity", "carol-key")
                .get(0)
                .get("id")
                .asText();

        fails("GET", "/v1/arrays/carol/open/activity", "bob-key", null, 403);
        fails("GET", "/v2/arrays/carol/open/activity", "bob-key", null, 403);
        fails("GET", "/v1/arrays/carol/open/activity/" + eventId, "bob-key", null, 403);

        // carol reads acme's array through a share of "read" alone; bob, a member of acme, reads its log
        fails("GET", "/v1/arrays/acme/data/activity", "carol-key", null, 403);
        assertTrue(get("/v1/arrays/acme/data/activity", "bob-key").isArray());
        json(
                "PATCH",
                "/v1/arrays/acme/data/share",
                "alice-key",
                "{\"namespace\": \"carol\", \"actions\": [\"read\", \"read_array_logs\"]}",
                204);
        assertTrue(get("/v1/arrays/acme/data/activity", "carol-key").size() > 0);
        assertEquals(
                "array_metadata_update",
                get("/v2/arrays/acme/data/activity", "carol-key")
                        .at("/activitylogs/0/action")
                        .asText());
    }

    /**
     * {@code ArrayBrowserData.arrays} is {@code x-omitempty: true}: the service's model leaves an empty list out, and
     * TileDB-Cloud-Py reads the listing's {@code arrays} as None, not as an empty list.
     */
    @Test
    void anEmptyArrayListingLeavesItsArraysOut() throws Exception {
        JsonNode none = get("/v1/arrays/browser/shared", "bob-key");
        assertFalse(none.has("arrays"), none.toString());
        assertEquals(0, none.at("/pagination_metadata/total_items").asInt());
        JsonNode pastTheEnd = get("/v1/arrays/browser/owned?page=9", "alice-key");
        assertFalse(pastTheEnd.has("arrays"), pastTheEnd.toString());
        assertEquals(2, pastTheEnd.at("/pagination_metadata/total_items").asInt());

        JsonNode some = get("/v1/arrays/browser/shared", "carol-key");
        assertEquals("data", some.at("/arrays/0/name").asText(), some.toString());
    }
}
