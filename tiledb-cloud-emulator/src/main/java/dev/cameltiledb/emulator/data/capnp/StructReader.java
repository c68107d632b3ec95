package dev.cameltiledb.emulator.data.capnp;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One struct of a {@link MessageReader}'s message. Fields are read by their place as the schema compiler laid them
 * out (byte offsets in the data section, indexes in the pointer section; see {@code capnp compile -ocapnp}). A struct
 * written by an older writer may be shorter than the schema: a field past its end reads as its default (zero, false,
 * null), which is how Cap'n Proto lets a schema grow. Every error names the field by its path in the message.
 */
public final class StructReader {

    private final MessageReader message;
    private final String path;
    private final int segment;
    private final int data;
    private final int dataWords;
    private final int pointers;
    private final int depth;

    StructReader(MessageReader message, String path, int segment, int data, int dataWords, int pointers, int depth) {
        this.message = message;
        this.path = path;
        this.segment = segment;
        this.data = data;
        this.dataWords = dataWords;
        this.pointers = pointers;
        this.depth = depth;
    }

    static StructReader empty(MessageReader message, String path) {
        return new StructReader(message, path, 0, 0, 0, 0, 0);
    }

    /** Where this struct is in the message ({@code Query.reader}), for errors. */
    public String path() {
        return path;
    }

    private String field(String name) {
        return path + "." + name;
    }

    /** A 64-bit field at {@code byteOffset} of the data section; 0 past its end. */
    public long getLong(int byteOffset) {
        if (byteOffset + 8 > dataWords * 8) {
            return 0;
        }
        return message.bytes.getLong(message.byteAt(segment, data) + byteOffset);
    }

    /** A 32-bit field at {@code byteOffset}; 0 past the end of the data section. */
    public int getInt(int byteOffset) {
        if (byteOffset + 4 > dataWords * 8) {
            return 0;
        }
        return message.bytes.getInt(message.byteAt(segment, data) + byteOffset);
    }

    /** A Bool at {@code bit} of the data section; false past its end (XOR a field's non-false default yourself). */
    public boolean getBool(int bit) {
        if (bit / 8 >= dataWords * 8) {
            return false;
        }
        byte b = message.bytes.get(message.byteAt(segment, data) + bit / 8);
        return ((b >> (bit % 8)) & 1) == 1;
    }

    /** The struct pointer {@code index} leads to, null when it is null or past the pointer section. */
    public StructReader getStruct(int index, String name) {
        if (index >= pointers) {
            return null;
        }
        return message.struct(segment, data + dataWords + index, field(name), depth + 1);
    }

    /** The list pointer {@code index} leads to; null when null or past the pointer section. */
    private MessageReader.ListAt list(int index, String name) {
        if (index >= pointers) {
            return null;
        }
        return message.list(segment, data + dataWords + index, field(name));
    }

    /** A Text field: UTF-8, NUL-terminated on the wire; null when the pointer is null. */
    public String getText(int index, String name) {
        MessageReader.ListAt list = list(index, name);
        if (list == null) {
            return null;
        }
        if (list.elementSize() != 2) {
            throw new MalformedMessage(field(name) + " must be Text (a list of bytes); the message has a list of "
                    + list.bits() + "-bit elements");
        }
        int n = list.count();
        int at = message.byteAt(list.segment(), list.content());
        if (n > 0 && message.bytes.get(at + n - 1) == 0) {
            n--;
        }
        byte[] text = new byte[n];
        message.bytes.get(at, text);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(text))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedMessage(field(name) + " is not UTF-8 text");
        }
    }

    /** A Data field (or any list of bytes); null when the pointer is null. */
    public byte[] getData(int index, String name) {
        MessageReader.ListAt list = list(index, name);
        if (list == null) {
            return null;
        }
        if (list.elementSize() != 2) {
            throw new MalformedMessage(field(name) + " must be Data (a list of bytes); the message has a list of "
                    + list.bits() + "-bit elements");
        }
        byte[] bytes = new byte[list.count()];
        message.bytes.get(message.byteAt(list.segment(), list.content()), bytes);
        return bytes;
    }

    /**
     * A list of numbers whose elements are {@code bytesPerElement} wide (1, 2, 4 or 8), as its raw little-endian
     * bytes; null when the pointer is null.
     */
    public byte[] getPrimitiveList(int index, String name, int bytesPerElement) {
        MessageReader.ListAt list = list(index, name);
        if (list == null) {
            return null;
        }
        if (list.elementSize() == 7 || list.elementSize() == 6 || list.bits() != bytesPerElement * 8) {
            throw new MalformedMessage(field(name) + " must be a list of " + (bytesPerElement * 8)
                    + "-bit numbers; the message has " + describe(list));
        }
        byte[] bytes = new byte[list.count() * bytesPerElement];
        message.bytes.get(message.byteAt(list.segment(), list.content()), bytes);
        return bytes;
    }

    /** A List(UInt64) or List(Int64); null when the pointer is null. */
    public long[] getLongList(int index, String name) {
        byte[] raw = getPrimitiveList(index, name, 8);
        if (raw == null) {
            return null;
        }
        long[] values = new long[raw.length / 8];
        java.nio.ByteBuffer.wrap(raw)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .asLongBuffer()
                .get(values);
        return values;
    }

    /** A list of structs; empty when the pointer is null. */
    public List<StructReader> getStructList(int index, String name) {
        MessageReader.ListAt list = list(index, name);
        if (list == null) {
            return List.of();
        }
        if (list.elementSize() != 7) {
            throw new MalformedMessage(field(name) + " must be a list of structs; the message has " + describe(list));
        }
        if (depth + 1 > MessageReader.NESTING_LIMIT) {
            throw new MalformedMessage(
                    "the message nests structs deeper than " + MessageReader.NESTING_LIMIT + " at " + field(name));
        }
        int size = list.dataWords() + list.pointers();
        List<StructReader> elements = new ArrayList<>(list.count());
        for (int i = 0; i < list.count(); i++) {
            elements.add(new StructReader(
                    message,
                    field(name) + "[" + i + "]",
                    list.segment(),
                    list.content() + i * size,
                    list.dataWords(),
                    list.pointers(),
                    depth + 1));
        }
        return elements;
    }

    /** A List(Text); empty when the pointer is null. */
    public List<String> getTextList(int index, String name) {
        MessageReader.ListAt list = list(index, name);
        if (list == null) {
            return List.of();
        }
        if (list.elementSize() != 6) {
            throw new MalformedMessage(field(name) + " must be a list of Text; the message has " + describe(list));
        }
        List<String> texts = new ArrayList<>(list.count());
        StructReader holder =
                new StructReader(message, field(name), list.segment(), list.content(), 0, list.count(), depth);
        for (int i = 0; i < list.count(); i++) {
            texts.add(holder.getText(i, "[" + i + "]"));
        }
        return texts;
    }

    private static String describe(MessageReader.ListAt list) {
        return switch (list.elementSize()) {
            case 6 -> "a list of pointers";
            case 7 -> "a list of structs";
            default -> "a list of " + list.bits() + "-bit elements";
        };
    }
}
