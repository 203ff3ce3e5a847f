/**
 * Single message transforms ({@link io.connectsdk.api.transforms.Transform}) and the
 * {@link io.connectsdk.api.transforms.Predicate}s that select which records they apply to.
 */
package io.connectsdk.api.transforms;
