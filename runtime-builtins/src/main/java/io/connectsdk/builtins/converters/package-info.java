/**
 * The built-in converters, wire-compatible with Kafka Connect's: {@link
 * io.connectsdk.builtins.converters.ByteArrayConverter}, the primitive converters (Boolean, Short,
 * Integer, Long, Float, Double: Kafka's big-endian serializer formats), {@link
 * io.connectsdk.builtins.converters.StringConverter} and the default header converter {@link
 * io.connectsdk.builtins.converters.SimpleHeaderConverter}. The JSON converter is in
 * {@code io.connectsdk.builtins.json}.
 */
package io.connectsdk.builtins.converters;
