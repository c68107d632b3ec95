package dev.cameltiledb.generator;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The comments of the committed starters were filled by Python's textwrap; the expected texts below are its output. */
class TextWrapTest {

    private static final String HOST = "The TileDB Cloud REST host. A host without scheme gets https://; regional hosts"
            + " such as https://us-east-1.aws.api.tiledb.com work too.";

    @Test
    void hyphenatedWordsBreakAfterTheirHyphen() {
        assertEquals(
                "     * The TileDB Cloud REST host. A host without scheme\n"
                        + "     * gets https://; regional hosts such as https://us-\n"
                        + "     * east-1.aws.api.tiledb.com work too.",
                TextWrap.fill(HOST, 60, "     * ", true));
    }

    @Test
    void withoutHyphenBreaksWordsStayWhole() {
        assertEquals(
                " * The TileDB Cloud REST host. A host without scheme gets\n"
                        + " * https://; regional hosts such as\n"
                        + " * https://us-east-1.aws.api.tiledb.com work too.",
                TextWrap.fill(HOST, 60, " * ", false));
    }

    @Test
    void aWordLongerThanALineIsCut() {
        assertEquals(
                " * a https://averyveryverylong\n * wordthatdoesnotfitatallinth\n * ewidth-of-it end",
                TextWrap.fill(
                        "a https://averyveryverylongwordthatdoesnotfitatallinthewidth-of-it end", 30, " * ", true));
    }
}
