package dev.cameltiledb.emulator.classic;

import java.util.Locale;

/** Byte sizes of TileDB datatypes, for buffer size estimates. */
final class Datatypes {

    private Datatypes() {}

    static long size(String datatype) {
        String t = datatype.toUpperCase(Locale.ROOT);
        if (t.endsWith("8")
                || t.equals("CHAR")
                || t.equals("BOOL")
                || t.equals("BLOB")
                || t.equals("STRING_ASCII")
                || t.equals("STRING_UTF8")
                || t.equals("ANY")) {
            return 1;
        }
        if (t.endsWith("16") || t.equals("STRING_UCS2")) {
            return 2;
        }
        if (t.endsWith("32") || t.equals("STRING_UCS4")) {
            return 4;
        }
        return 8;
    }
}
