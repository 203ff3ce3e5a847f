package io.connectsdk.builtins.json;

import java.io.OutputStream;
import java.util.Arrays;

/** A reusable, growable byte buffer the generator writes into. Not thread-safe. */
final class ByteSink extends OutputStream {
    private byte[] buf = new byte[512];
    private int size;

    void reset() {
        size = 0;
        if (buf.length > 1 << 20) {
            buf = new byte[512]; // do not keep a huge buffer after one huge record
        }
    }

    private void ensure(int extra) {
        if (size + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
        }
    }

    @Override
    public void write(int b) {
        ensure(1);
        buf[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }
}
