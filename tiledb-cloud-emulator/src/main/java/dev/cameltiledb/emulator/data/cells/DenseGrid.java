package dev.cameltiledb.emulator.data.cells;

import java.util.ArrayList;
import java.util.List;

/**
 * The coordinates of a dense read, in the order the read asks for: row-major, col-major, or the array's global order
 * (tile by tile in tile order, cells within a tile in cell order; unordered reads use it too). A dense read returns
 * every cell of its subarray, so this walk decides the answer's cells; the stored cells fill in what was written.
 */
final class DenseGrid {

    private final long[][] ranges;
    private final Layout layout;
    private final CellSchema schema;

    /** {@code ranges}: per dimension, sorted disjoint intervals {@code [lo0, hi0, lo1, hi1, ...]}. */
    DenseGrid(long[][] ranges, Layout layout, CellSchema schema) {
        this.ranges = ranges;
        this.layout = layout;
        this.schema = schema;
    }

    /** A walk over the coordinates; {@link Walk#next()} gives each point in turn, then null. */
    Walk walk() {
        if (layout == Layout.ROW_MAJOR || layout == Layout.COL_MAJOR) {
            Odometer cells = new Odometer(ranges, layout == Layout.ROW_MAJOR);
            return () -> cells.advance() ? cells.point() : null;
        }
        return new TileWalk();
    }

    /**
     * A walk that starts after {@code point} (a cell of the box): what a continued read gives next. It jumps there
     * rather than walking up to it, so a late page costs what an early one does.
     */
    Walk walkAfter(long[] point) {
        if (layout == Layout.ROW_MAJOR || layout == Layout.COL_MAJOR) {
            Odometer cells = new Odometer(ranges, layout == Layout.ROW_MAJOR);
            cells.positionAt(point);
            return () -> cells.advance() ? cells.point() : null;
        }
        TileWalk walk = new TileWalk();
        walk.positionAt(point);
        return walk;
    }

    interface Walk {
        long[] next();
    }

    /** The tile a coordinate is in along dimension {@code d}. */
    long tileOf(int d, long value) {
        CellField f = schema.dimensions().get(d);
        return f.tileExtent() == null ? 0 : Math.floorDiv(value - f.loLong(), ((Number) f.tileExtent()).longValue());
    }

    private final class TileWalk implements Walk {
        private final Odometer tiles;
        private Odometer cells;

        TileWalk() {
            long[][] tileRanges = new long[ranges.length][];
            for (int d = 0; d < ranges.length; d++) {
                List<Long> merged = new ArrayList<>();
                for (int i = 0; i < ranges[d].length; i += 2) {
                    long from = tileOf(d, ranges[d][i]);
                    long to = tileOf(d, ranges[d][i + 1]);
                    int n = merged.size();
                    if (n > 0 && merged.get(n - 1) >= from - 1) {
                        merged.set(n - 1, Math.max(merged.get(n - 1), to));
                    } else {
                        merged.add(from);
                        merged.add(to);
                    }
                }
                tileRanges[d] = merged.stream().mapToLong(Long::longValue).toArray();
            }
            this.tiles = new Odometer(tileRanges, schema.tileOrder() == Layout.ROW_MAJOR);
        }

        void positionAt(long[] point) {
            long[] tile = new long[point.length];
            for (int d = 0; d < point.length; d++) {
                tile[d] = tileOf(d, point[d]);
            }
            tiles.positionAt(tile);
            cells = new Odometer(clip(tiles.point()), schema.cellOrder() == Layout.ROW_MAJOR);
            cells.positionAt(point);
        }

        @Override
        public long[] next() {
            while (cells == null || !cells.advance()) {
                if (!tiles.advance()) {
                    return null;
                }
                cells = new Odometer(clip(tiles.point()), schema.cellOrder() == Layout.ROW_MAJOR);
            }
            return cells.point();
        }

        /** The read's intervals inside one tile. */
        private long[][] clip(long[] tile) {
            long[][] clipped = new long[ranges.length][];
            for (int d = 0; d < ranges.length; d++) {
                CellField f = schema.dimensions().get(d);
                long lo = Long.MIN_VALUE;
                long hi = Long.MAX_VALUE;
                if (f.tileExtent() != null) {
                    long extent = ((Number) f.tileExtent()).longValue();
                    lo = f.loLong() + tile[d] * extent;
                    hi = lo + extent - 1;
                }
                List<Long> parts = new ArrayList<>();
                for (int i = 0; i < ranges[d].length; i += 2) {
                    long a = Math.max(lo, ranges[d][i]);
                    long b = Math.min(hi, ranges[d][i + 1]);
                    if (a <= b) {
                        parts.add(a);
                        parts.add(b);
                    }
                }
                clipped[d] = parts.stream().mapToLong(Long::longValue).toArray();
            }
            return clipped;
        }
    }
}
