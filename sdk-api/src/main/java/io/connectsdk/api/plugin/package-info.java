/**
 * What every plugin has in common: a {@link io.connectsdk.api.plugin.Versioned version} and, for
 * the small plugins (converters, transforms, predicates), a
 * {@link io.connectsdk.api.plugin.Configurable configure} step.
 */
package io.connectsdk.api.plugin;
