package dev.cameltiledb.emulator.data.sql;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The little of FlatBuffers that Arrow's IPC metadata needs: tables of scalars and references, vectors of tables and
 * of fixed-size structs, strings. Laid out front to back: a parent before what it refers to, so every reference
 * ({@code uoffset}, unsigned) points forward, and each table's vtable just before the table (its signed
 * {@code soffset} positive). All little-endian, each value aligned to its size.
 */
final class FlatBuffer {

    /** Something a table or vector can refer to. */
    sealed interface Node permits Table, Tables, Structs, Text {}

    /** A table: fields by slot (the schema's field index), each a scalar or a reference. */
    static final class Table implements Node {
        private final List<long[]> scalars = new ArrayList<>();
        private final List<Object[]> references = new ArrayList<>();

        /** A scalar of {@code size} bytes (1, 2, 4 or 8). */
        Table scalar(int slot, int size, long value) {
            scalars.add(new long[] {slot, size, value});
            return this;
        }

        Table bool(int slot, boolean value) {
            return scalar(slot, 1, value ? 1 : 0);
        }

        Table reference(int slot, Node node) {
            references.add(new Object[] {slot, node});
            return this;
        }
    }

    /** A vector of tables. */
    record Tables(List<? extends Node> items) implements Node {}

    /** A vector of {@code count} structs of 8-byte-aligned fields, given as their bytes. */
    record Structs(byte[] bytes, int count) implements Node {}

    record Text(String value) implements Node {}

    private byte[] buf = new byte[256];
    private int pos;

    private FlatBuffer() {}

    /** The bytes of a buffer whose root is {@code root}, padded to a multiple of 8. */
    static byte[] of(Table root) {
        FlatBuffer b = new FlatBuffer();
        b.pos = 4;
        int rootAt = b.write(root);
        b.putInt(0, rootAt);
        b.align(8);
        return Arrays.copyOf(b.buf, b.pos);
    }

    private int write(Node node) {
        if (node instanceof Table t) {
            return table(t);
        }
        if (node instanceof Tables v) {
            align(4);
            int at = pos;
            reserve(4 + 4 * v.items().size());
            putInt(at, v.items().size());
            pos += 4;
            int[] slots = new int[v.items().size()];
            for (int i = 0; i < slots.length; i++) {
                slots[i] = pos;
                pos += 4;
            }
            for (int i = 0; i < slots.length; i++) {
                int child = write(v.items().get(i));
                putInt(slots[i], child - slots[i]);
            }
            return at;
        }
        if (node instanceof Structs s) {
            align(4);
            if ((pos + 4) % 8 != 0) {
                pad(4);
            }
            int at = pos;
            reserve(4 + s.bytes().length);
            putInt(at, s.count());
            System.arraycopy(s.bytes(), 0, buf, at + 4, s.bytes().length);
            pos = at + 4 + s.bytes().length;
            return at;
        }
        Text text = (Text) node;
        byte[] bytes = text.value().getBytes(StandardCharsets.UTF_8);
        align(4);
        int at = pos;
        reserve(5 + bytes.length);
        putInt(at, bytes.length);
        System.arraycopy(bytes, 0, buf, at + 4, bytes.length);
        buf[at + 4 + bytes.length] = 0;
        pos = at + 5 + bytes.length;
        return at;
    }

    private int table(Table t) {
        int slots = 0;
        for (long[] s : t.scalars) {
            slots = Math.max(slots, (int) s[0] + 1);
        }
        for (Object[] r : t.references) {
            slots = Math.max(slots, (int) r[0] + 1);
        }
        align(2);
        int vtable = pos;
        reserve(4 + 2 * slots);
        pos += 4 + 2 * slots;
        Arrays.fill(buf, vtable, pos, (byte) 0);
        align(4);
        int table = pos;
        reserve(4);
        putInt(table, table - vtable);
        pos += 4;
        for (long[] s : t.scalars) {
            int size = (int) s[1];
            align(size);
            reserve(size);
            putShort(vtable + 4 + 2 * (int) s[0], pos - table);
            for (int i = 0; i < size; i++) {
                buf[pos + i] = (byte) (s[2] >>> (8 * i));
            }
            pos += size;
        }
        int[] referenceAt = new int[t.references.size()];
        for (int i = 0; i < referenceAt.length; i++) {
            align(4);
            reserve(4);
            referenceAt[i] = pos;
            putShort(vtable + 4 + 2 * (int) t.references.get(i)[0], pos - table);
            pos += 4;
        }
        putShort(vtable, 4 + 2 * slots);
        putShort(vtable + 2, pos - table);
        for (int i = 0; i < referenceAt.length; i++) {
            int child = write((Node) t.references.get(i)[1]);
            putInt(referenceAt[i], child - referenceAt[i]);
        }
        return table;
    }

    private void align(int size) {
        pad((size - pos % size) % size);
    }

    private void pad(int n) {
        reserve(n);
        Arrays.fill(buf, pos, pos + n, (byte) 0);
        pos += n;
    }

    private void reserve(int n) {
        if (pos + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }

    private void putInt(int at, int v) {
        buf[at] = (byte) v;
        buf[at + 1] = (byte) (v >>> 8);
        buf[at + 2] = (byte) (v >>> 16);
        buf[at + 3] = (byte) (v >>> 24);
    }

    private void putShort(int at, int v) {
        buf[at] = (byte) v;
        buf[at + 1] = (byte) (v >>> 8);
    }
}
