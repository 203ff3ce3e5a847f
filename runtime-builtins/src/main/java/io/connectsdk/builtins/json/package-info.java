/**
 * {@link io.connectsdk.builtins.json.JsonConverter}: JSON with or without the schema envelope,
 * byte for byte as Kafka Connect's JsonConverter writes it.
 */
package io.connectsdk.builtins.json;
