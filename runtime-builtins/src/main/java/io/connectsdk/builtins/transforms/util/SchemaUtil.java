package io.connectsdk.builtins.transforms.util;

import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaBuilder;

/** Schema copying helpers shared by the built-in transforms. Stateless and thread-safe. */
public final class SchemaUtil {
    private SchemaUtil() {
    }

    /**
     * Copies name, version, doc and parameters (those that are set) from {@code source} to
     * {@code target}. Optionality and default value are not copied.
     *
     * @return {@code target}
     */
    public static SchemaBuilder copyBasics(Schema source, SchemaBuilder target) {
        if (source.name() != null) {
            target.name(source.name());
        }
        if (source.version() != null) {
            target.version(source.version());
        }
        if (source.doc() != null) {
            target.doc(source.doc());
        }
        if (source.parameters() != null && !source.parameters().isEmpty()) {
            target.parameters(source.parameters());
        }
        return target;
    }

    /**
     * @return a new builder of {@code source}'s type (with its element schemas for arrays and
     *     maps, without fields for structs) and its basics (see {@link #copyBasics}); not optional,
     *     no default
     */
    public static SchemaBuilder builderLike(Schema source) {
        SchemaBuilder builder;
        switch (source.type()) {
            case ARRAY:
                builder = SchemaBuilder.array(source.valueSchema());
                break;
            case MAP:
                builder = SchemaBuilder.map(source.keySchema(), source.valueSchema());
                break;
            default:
                builder = SchemaBuilder.type(source.type());
                break;
        }
        return copyBasics(source, builder);
    }

    /** @return the field names of a struct schema, as {@code [a, b, c]}, for messages */
    public static String fieldNames(Schema struct) {
        StringBuilder sb = new StringBuilder("[");
        for (io.connectsdk.api.data.Field f : struct.fields()) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(f.name());
        }
        return sb.append(']').toString();
    }
}
