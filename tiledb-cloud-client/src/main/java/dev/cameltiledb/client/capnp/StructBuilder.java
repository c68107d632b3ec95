package dev.cameltiledb.client.capnp;

import java.util.List;

/** One struct of a {@link MessageBuilder}, its fields set by their place on the wire (as {@link StructView} reads them). */
public final class StructBuilder {

    private final MessageBuilder message;
    private final int word;
    private final int dataWords;
    private final int pointers;

    StructBuilder(MessageBuilder message, int word, int dataWords, int pointers) {
        this.message = message;
        this.word = word;
        this.dataWords = dataWords;
        this.pointers = pointers;
    }

    public StructBuilder setLong(int byteOffset, long value) {
        checkData(byteOffset, 8);
        message.putLong(word * 8 + byteOffset, value);
        return this;
    }

    public StructBuilder setInt(int byteOffset, int value) {
        checkData(byteOffset, 4);
        int wordOffset = byteOffset & ~7;
        long old = message.getLong(word * 8 + wordOffset);
        int shift = (byteOffset - wordOffset) * 8;
        long mask = 0xFFFF_FFFFL << shift;
        message.putLong(word * 8 + wordOffset, (old & ~mask) | ((value & 0xFFFF_FFFFL) << shift));
        return this;
    }

    public StructBuilder setBool(int bit, boolean value) {
        checkData(bit / 8, 1);
        int wordOffset = (bit / 64) * 8;
        long old = message.getLong(word * 8 + wordOffset);
        long mask = 1L << (bit % 64);
        message.putLong(word * 8 + wordOffset, value ? old | mask : old & ~mask);
        return this;
    }

    public StructBuilder initStruct(int pointer, int structDataWords, int structPointers) {
        return message.struct(pointerWord(pointer), structDataWords, structPointers);
    }

    public StructBuilder[] initStructList(int pointer, int count, int structDataWords, int structPointers) {
        return message.structList(pointerWord(pointer), count, structDataWords, structPointers);
    }

    public StructBuilder setText(int pointer, String value) {
        if (value != null) {
            message.text(pointerWord(pointer), value);
        }
        return this;
    }

    public StructBuilder setData(int pointer, byte[] value) {
        message.bytes(pointerWord(pointer), value, false);
        return this;
    }

    public StructBuilder setLongs(int pointer, long[] values) {
        message.longs(pointerWord(pointer), values);
        return this;
    }

    public StructBuilder setTexts(int pointer, List<String> values) {
        message.texts(pointerWord(pointer), values);
        return this;
    }

    private int pointerWord(int pointer) {
        if (pointer >= pointers) {
            throw new IllegalArgumentException("pointer " + pointer + " of a struct with " + pointers);
        }
        return word + dataWords + pointer;
    }

    private void checkData(int byteOffset, int size) {
        if (byteOffset + size > dataWords * 8) {
            throw new IllegalArgumentException("byte " + byteOffset + " of a " + dataWords + "-word data section");
        }
    }
}
