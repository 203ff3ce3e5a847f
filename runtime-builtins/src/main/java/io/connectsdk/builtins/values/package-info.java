/**
 * {@link io.connectsdk.builtins.values.Values}: conversions between Connect types and the text form
 * of header values, as Kafka Connect's {@code Values} does them.
 */
package io.connectsdk.builtins.values;
