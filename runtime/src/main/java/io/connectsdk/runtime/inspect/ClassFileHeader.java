package io.connectsdk.runtime.inspect;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The head of a class file (JVMS chapter 4): version, access flags, name, super class and
 * interfaces, read without loading the class. Enough to check bytecode levels and to find plugin
 * classes by their supertypes.
 */
record ClassFileHeader(int major, int accessFlags, String name, String superName, List<String> interfaces) {
    static final int ACC_PUBLIC = 0x0001;
    static final int ACC_INTERFACE = 0x0200;
    static final int ACC_ABSTRACT = 0x0400;
    static final int ACC_ANNOTATION = 0x2000;
    static final int ACC_ENUM = 0x4000;
    static final int ACC_MODULE = 0x8000;

    /** @return the Java release of a class file major version ({@code 61 -> 17}) */
    static int javaRelease(int major) {
        return major - 44;
    }

    boolean isPublicConcreteClass() {
        return (accessFlags & ACC_PUBLIC) != 0
                && (accessFlags & (ACC_INTERFACE | ACC_ABSTRACT | ACC_ANNOTATION | ACC_ENUM | ACC_MODULE)) == 0;
    }

    /** @return the supertypes' binary names (dots), super class first */
    List<String> supertypes() {
        List<String> result = new ArrayList<>(interfaces.size() + 1);
        if (superName != null) {
            result.add(superName);
        }
        result.addAll(interfaces);
        return result;
    }

    /**
     * Reads a class file's head from a stream, stopping after the interfaces (fields, methods and
     * code are not read, nor inflated).
     *
     * @param stream the class file's bytes; not closed
     * @return its header, or {@code null} when the bytes are not a well-formed class file
     * @throws IOException when the stream cannot be read
     */
    static ClassFileHeader parse(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(stream, 4096));
        try {
            if (in.readInt() != 0xCAFEBABE) {
                return null;
            }
            in.readUnsignedShort(); // minor
            int major = in.readUnsignedShort();
            int count = in.readUnsignedShort();
            byte[][] utf8 = new byte[count][];
            int[] classNameIndex = new int[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> {
                        byte[] b = new byte[in.readUnsignedShort()];
                        in.readFully(b);
                        utf8[i] = b;
                    }
                    case 7 -> classNameIndex[i] = in.readUnsignedShort();
                    case 8, 16, 19, 20 -> in.skipNBytes(2);
                    case 15 -> in.skipNBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                    case 5, 6 -> {
                        in.skipNBytes(8);
                        i++;
                    }
                    default -> {
                        return null;
                    }
                }
            }
            int access = in.readUnsignedShort();
            String name = className(utf8, classNameIndex, in.readUnsignedShort());
            String superName = className(utf8, classNameIndex, in.readUnsignedShort());
            int interfaceCount = in.readUnsignedShort();
            List<String> interfaces = new ArrayList<>(interfaceCount);
            for (int i = 0; i < interfaceCount; i++) {
                interfaces.add(className(utf8, classNameIndex, in.readUnsignedShort()));
            }
            return name == null ? null : new ClassFileHeader(major, access, name, superName, List.copyOf(interfaces));
        } catch (EOFException | IndexOutOfBoundsException | NullPointerException e) {
            return null;
        }
    }

    private static String className(byte[][] utf8, int[] classNameIndex, int index) {
        if (index == 0 || index >= classNameIndex.length || classNameIndex[index] >= utf8.length) {
            return null;
        }
        byte[] internal = utf8[classNameIndex[index]];
        // Class names are almost always ASCII; the few exotic ones decode well enough as UTF-8.
        return internal == null ? null : new String(internal, StandardCharsets.UTF_8).replace('/', '.');
    }
}
