/**
 * Configuration of plugins: {@link io.connectsdk.api.config.ConfigDef} defines the keys (type,
 * default, validator, recommender, importance, documentation, group), parses and validates user
 * properties and renders reference documentation; {@link io.connectsdk.api.config.AbstractConfig}
 * is the base of a plugin's typed configuration class; {@link io.connectsdk.api.config.Config} and
 * {@link io.connectsdk.api.config.ConfigValue} carry per-key validation results (the REST validate
 * endpoint); {@link io.connectsdk.api.config.ConfigException} reports invalid configuration with
 * every error at once; {@link io.connectsdk.api.config.Password} keeps secrets out of messages.
 */
package io.connectsdk.api.config;
