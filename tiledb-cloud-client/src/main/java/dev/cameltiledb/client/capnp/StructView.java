package dev.cameltiledb.client.capnp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One struct of a {@link MessageReader}: fields are read by their place on the wire (a byte offset in the data section,
 * a pointer index), as {@code capnp compile -ocapnp} prints them. A field past the struct's end (written by an older
 * schema) reads as its default, as the format requires.
 */
public final class StructView {

    private final MessageReader message;
    private final String name;
    private final int segment;
    private final int dataWord;
    private final int dataWords;
    private final int pointers;
    private final int depth;

    StructView(MessageReader message, String name, int segment, int dataWord, int dataWords, int pointers, int depth) {
        this.message = message;
        this.name = name;
        this.segment = segment;
        this.dataWord = dataWord;
        this.dataWords = dataWords;
        this.pointers = pointers;
        this.depth = depth;
    }

    static StructView empty(MessageReader message, String name, int depth) {
        return new StructView(message, name, 0, 0, 0, 0, depth);
    }

    public String name() {
        return name;
    }

    public long getLong(int byteOffset) {
        return byteOffset + 8 <= dataWords * 8 ? message.bytes.getLong(address(byteOffset)) : 0;
    }

    public int getInt(int byteOffset) {
        return byteOffset + 4 <= dataWords * 8 ? message.bytes.getInt(address(byteOffset)) : 0;
    }

    public boolean getBool(int bit) {
        int byteOffset = bit / 8;
        if (byteOffset >= dataWords * 8) {
            return false;
        }
        return (message.bytes.get(address(byteOffset)) & (1 << (bit % 8))) != 0;
    }

    private int address(int byteOffset) {
        return message.byteAddress(segment, dataWord) + byteOffset;
    }

    private int pointerWord(int index) {
        return dataWord + dataWords + index;
    }

    public boolean has(int pointer) {
        return pointer < pointers && message.word(segment, pointerWord(pointer)) != 0;
    }

    /** A struct field; an unset one reads as an empty struct (every field its default). */
    public StructView struct(int pointer, String field) {
        String where = name + "." + field;
        if (pointer >= pointers) {
            return empty(message, where, depth + 1);
        }
        StructView s = message.readStruct(segment, pointerWord(pointer), where, depth + 1);
        return s == null ? empty(message, where, depth + 1) : s;
    }

    public String text(int pointer, String field) {
        byte[] b = bytes(pointer, field, true);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    public byte[] data(int pointer, String field) {
        byte[] b = bytes(pointer, field, false);
        return b == null ? new byte[0] : b;
    }

    private byte[] bytes(int pointer, String field, boolean text) {
        String where = name + "." + field;
        MessageReader.ListTarget list = list(pointer, where);
        if (list == null) {
            return null;
        }
        if (list.elementSize() != 2) {
            throw message.bad(where, "should be a list of bytes");
        }
        int n = list.count();
        if (text) {
            if (n == 0 || message.bytes.get(message.byteAddress(list.segment(), list.wordIndex()) + n - 1) != 0) {
                throw message.bad(where, "is text without its closing NUL");
            }
            n--;
        }
        byte[] out = new byte[n];
        message.bytes.get(message.byteAddress(list.segment(), list.wordIndex()), out);
        return out;
    }

    /** A {@code List(UInt64)} or {@code List(Int64)}; unset reads as empty. */
    public long[] longs(int pointer, String field) {
        String where = name + "." + field;
        MessageReader.ListTarget list = list(pointer, where);
        if (list == null) {
            return new long[0];
        }
        if (list.elementSize() != 5) {
            throw message.bad(where, "should be a list of 64-bit numbers");
        }
        long[] out = new long[list.count()];
        int base = message.byteAddress(list.segment(), list.wordIndex());
        for (int i = 0; i < out.length; i++) {
            out[i] = message.bytes.getLong(base + 8 * i);
        }
        return out;
    }

    /** A {@code List(Text)}; unset reads as empty. */
    public List<String> texts(int pointer, String field) {
        String where = name + "." + field;
        MessageReader.ListTarget list = list(pointer, where);
        if (list == null) {
            return List.of();
        }
        if (list.elementSize() != 6) {
            throw message.bad(where, "should be a list of text");
        }
        List<String> out = new ArrayList<>(list.count());
        for (int i = 0; i < list.count(); i++) {
            StructView holder = new StructView(
                    message, where + "[" + i + "]", list.segment(), list.wordIndex() + i, 0, 1, depth + 1);
            out.add(holder.text(0, ""));
        }
        return out;
    }

    /** A list of structs; unset reads as empty. */
    public List<StructView> structs(int pointer, String field) {
        String where = name + "." + field;
        MessageReader.ListTarget list = list(pointer, where);
        if (list == null) {
            return List.of();
        }
        if (list.elementSize() != 7) {
            throw message.bad(where, "should be a list of structs");
        }
        int stride = list.dataWords() + list.pointers();
        List<StructView> out = new ArrayList<>(list.count());
        for (int i = 0; i < list.count(); i++) {
            out.add(new StructView(
                    message,
                    where + "[" + i + "]",
                    list.segment(),
                    list.wordIndex() + i * stride,
                    list.dataWords(),
                    list.pointers(),
                    depth + 1));
        }
        return out;
    }

    private MessageReader.ListTarget list(int pointer, String where) {
        if (pointer >= pointers) {
            return null;
        }
        return message.readList(segment, pointerWord(pointer), where);
    }
}
