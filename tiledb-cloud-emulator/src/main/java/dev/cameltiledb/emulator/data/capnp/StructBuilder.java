package dev.cameltiledb.emulator.data.capnp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One struct of a {@link MessageBuilder}'s message, written field by field at the places the schema compiler gives
 * (byte offsets in the data section, pointer indexes). A field never set stays at its default (all zero bits).
 */
public final class StructBuilder {

    private final MessageBuilder message;
    private final int at;
    private final int dataWords;
    private final int pointers;

    StructBuilder(MessageBuilder message, int at, int dataWords, int pointers) {
        this.message = message;
        this.at = at;
        this.dataWords = dataWords;
        this.pointers = pointers;
    }

    private int dataByte(int byteOffset, int width) {
        if (byteOffset < 0 || byteOffset + width > dataWords * 8) {
            throw new IllegalArgumentException(
                    "byte " + byteOffset + " is outside a data section of " + dataWords + " words");
        }
        return at * 8 + byteOffset;
    }

    private int pointer(int index) {
        if (index < 0 || index >= pointers) {
            throw new IllegalArgumentException("pointer " + index + " of a struct with " + pointers);
        }
        return at + dataWords + index;
    }

    public StructBuilder setLong(int byteOffset, long value) {
        message.buffer().putLong(dataByte(byteOffset, 8), value);
        return this;
    }

    public StructBuilder setInt(int byteOffset, int value) {
        message.buffer().putInt(dataByte(byteOffset, 4), value);
        return this;
    }

    public StructBuilder setBool(int bit, boolean value) {
        int b = dataByte(bit / 8, 1);
        byte old = message.buffer().get(b);
        byte mask = (byte) (1 << (bit % 8));
        message.buffer().put(b, value ? (byte) (old | mask) : (byte) (old & ~mask));
        return this;
    }

    public StructBuilder initStruct(int index, int structDataWords, int structPointers) {
        int p = pointer(index);
        return new StructBuilder(
                message, message.allocateStruct(p, structDataWords, structPointers), structDataWords, structPointers);
    }

    /** A Text field: UTF-8 and a NUL; null leaves the pointer null. */
    public StructBuilder setText(int index, String text) {
        if (text != null) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            byte[] withNul = java.util.Arrays.copyOf(bytes, bytes.length + 1);
            setBytes(index, withNul);
        }
        return this;
    }

    /** A Data field; null leaves the pointer null. */
    public StructBuilder setData(int index, byte[] data) {
        if (data != null) {
            setBytes(index, data);
        }
        return this;
    }

    private void setBytes(int index, byte[] bytes) {
        int content = message.allocateList(pointer(index), 2, bytes.length, (bytes.length + 7) / 8);
        message.buffer().put(content * 8, bytes);
    }

    /** A List(UInt64) or List(Int64). */
    public StructBuilder setLongList(int index, long[] values) {
        int content = message.allocateList(pointer(index), 5, values.length, values.length);
        for (int i = 0; i < values.length; i++) {
            message.buffer().putLong(content * 8 + i * 8, values[i]);
        }
        return this;
    }

    /** A list of numbers {@code bytesPerElement} wide (1, 2, 4, 8), given as their little-endian bytes. */
    public StructBuilder setPrimitiveList(int index, int bytesPerElement, byte[] raw) {
        int size = switch (bytesPerElement) {
            case 1 -> 2;
            case 2 -> 3;
            case 4 -> 4;
            case 8 -> 5;
            default -> throw new IllegalArgumentException(bytesPerElement + " bytes per element");
        };
        int content = message.allocateList(pointer(index), size, raw.length / bytesPerElement, (raw.length + 7) / 8);
        message.buffer().put(content * 8, raw);
        return this;
    }

    /** A List(Text). */
    public StructBuilder setTextList(int index, List<String> texts) {
        int content = message.allocateList(pointer(index), 6, texts.size(), texts.size());
        StructBuilder holder = new StructBuilder(message, content, 0, texts.size());
        for (int i = 0; i < texts.size(); i++) {
            holder.setText(i, texts.get(i));
        }
        return this;
    }

    /** A list of {@code count} structs of the given sizes (a composite list), each to be filled in. */
    public List<StructBuilder> initStructList(int index, int count, int structDataWords, int structPointers) {
        int size = structDataWords + structPointers;
        int tagAt = message.allocateList(pointer(index), 7, (long) count * size, 1L + (long) count * size);
        long tag = ((long) count << 2) | ((long) structDataWords << 32) | ((long) structPointers << 48);
        message.buffer().putLong(tagAt * 8, tag);
        List<StructBuilder> elements = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            elements.add(new StructBuilder(message, tagAt + 1 + i * size, structDataWords, structPointers));
        }
        return elements;
    }
}
