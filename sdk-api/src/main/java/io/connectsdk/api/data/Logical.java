package io.connectsdk.api.data;

import io.connectsdk.api.errors.DataException;

/** Checks shared by the logical type classes. */
final class Logical {
    static final long MILLIS_PER_DAY = 24L * 60 * 60 * 1000;

    private Logical() {
    }

    static void check(Schema schema, String logicalName, Schema.Type type, String simpleName) {
        if (schema == null) {
            throw new DataException("A " + simpleName + " conversion needs a " + simpleName + " schema, got null");
        }
        if (!logicalName.equals(schema.name()) || schema.type() != type) {
            throw new DataException("A " + simpleName + " conversion needs a " + type + " schema named "
                    + logicalName + ", got " + schema);
        }
    }
}
