package dev.cameltiledb.emulator.data.sql;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Writes a result set in one result format as its rows are read: {@link #begin}, {@link #row} per row, {@link #end}. */
interface ResultEncoder {

    void begin(ResultSet rows) throws SQLException, IOException;

    void row(ResultSet rows) throws SQLException, IOException;

    void end() throws IOException;
}
