package dev.cameltiledb.client;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UriEncodingTest {

    @Test
    void storageUriBecomesOneSegment() {
        assertEquals("s3%3A%2F%2Fbucket%2Fx", UriEncoding.segment("s3://bucket/x"));
    }

    @Test
    void reservedCharactersSpacesPercentAndUnicodeAreEncoded() {
        assertEquals("a%20b%25c%3Fd%23e%26f%2Bg", UriEncoding.segment("a b%c?d#e&f+g"));
        assertEquals("%C3%A9t%C3%A9", UriEncoding.segment("été"));
        assertEquals("keep-._~AZaz09", UriEncoding.segment("keep-._~AZaz09"));
    }

    @Test
    void dotSegmentsCannotClimbThePath() {
        assertEquals("%2E", UriEncoding.segment("."));
        assertEquals("%2E%2E", UriEncoding.segment(".."));
        assertEquals("..a", UriEncoding.segment("..a"), "only whole dot-segments are special");
    }
}
