/**
 * The exceptions that plugins throw to the runtime: {@link io.connectsdk.api.errors.ConnectException}
 * and its subclasses {@link io.connectsdk.api.errors.DataException} (bad data, one record) and
 * {@link io.connectsdk.api.errors.RetriableException} (try again). Configuration problems are
 * {@link io.connectsdk.api.config.ConfigException}.
 */
package io.connectsdk.api.errors;
