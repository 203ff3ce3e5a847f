/**
 * Where a worker keeps state: source offsets ({@link io.connectsdk.runtime.storage.OffsetStore}, in a
 * crash-safe JSON file for standalone workers) and connector and task statuses
 * ({@link io.connectsdk.runtime.storage.StatusStore}, in memory for standalone workers).
 */
package io.connectsdk.runtime.storage;
