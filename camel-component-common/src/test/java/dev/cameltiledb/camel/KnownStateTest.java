package dev.cameltiledb.camel;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KnownStateTest {

    record Known(String digest, String name) {}

    static final KnownState.Codec<Known> CODEC = new KnownState.Codec<>() {
        @Override
        public List<String> fields(Known known) {
            return List.of(known.digest(), known.name());
        }

        @Override
        public Known known(List<String> fields) {
            return new Known(fields.get(0), fields.get(1));
        }
    };

    @Test
    void whatIsWrittenReadsBackAndAnyNameRoundTrips() {
        KnownState<Known> state = new KnownState<>(CODEC);
        state.put("1", new Known("d1", "a \"quoted\", name/with:all"));
        state.put("2", new Known("d2", "zürich"));
        String written = state.format();
        assertEquals(state.all(), KnownState.parse("k", written, CODEC).all());
    }

    @Test
    void itKnowsWhetherItChangedSinceItWasWritten() {
        KnownState<Known> state = new KnownState<>(CODEC);
        assertFalse(state.isDirty());
        state.put("1", new Known("d", "n"));
        assertTrue(state.isDirty());
        state.written();
        state.put("1", new Known("d", "n"));
        state.remove("2");
        assertFalse(state.isDirty(), "the same value again, or removing what is not there, changes nothing");
        state.remove("1");
        assertTrue(state.isDirty());
    }

    @Test
    void aStateItCannotReadNamesTheKeyToRemove() {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> KnownState.parse("feed:acme", "{not json", CODEC));
        assertTrue(e.getMessage().startsWith("The change feed's state under the state key 'feed:acme' cannot be read"));
        assertTrue(e.getMessage().endsWith("remove that entry from the stateRepository to take a new baseline"));
    }

    @Test
    void aDigestIsShortStableAndTellsTextsApart() {
        assertEquals(12, KnownState.digest("abc", 9).length());
        assertEquals(KnownState.digest("abc", 12), KnownState.digest("abc", 12));
        assertNotEquals(KnownState.digest("abc", 12), KnownState.digest("abd", 12));
    }
}
