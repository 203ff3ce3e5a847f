package io.connectsdk.api.storage;

/** Which part of a record a converter instance is configured for. */
public enum ConverterType {
    /** Record keys ({@code key.converter}). */
    KEY,
    /** Record values ({@code value.converter}). */
    VALUE,
    /** Header values ({@code header.converter}). */
    HEADER;

    /** @return the lower-case name used in configuration, e.g. {@code "key"} */
    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
