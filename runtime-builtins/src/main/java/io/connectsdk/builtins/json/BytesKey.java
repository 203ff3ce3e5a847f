package io.connectsdk.builtins.json;

import java.util.Arrays;

/** A range of a byte array compared by content: the cache key of schema JSON text. */
final class BytesKey {
    private final byte[] bytes;
    private final int from;
    private final int to;
    private final int hash;

    BytesKey(byte[] bytes, int from, int to) {
        this.bytes = bytes;
        this.from = from;
        this.to = to;
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + bytes[i];
        }
        this.hash = h;
    }

    /** @return a key that owns a copy of the range, safe to keep after the input is reused */
    BytesKey copy() {
        return new BytesKey(Arrays.copyOfRange(bytes, from, to), 0, to - from);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof BytesKey)) {
            return false;
        }
        BytesKey k = (BytesKey) o;
        return hash == k.hash && Arrays.equals(bytes, from, to, k.bytes, k.from, k.to);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
