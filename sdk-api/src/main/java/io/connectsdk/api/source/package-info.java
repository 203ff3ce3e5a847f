/**
 * Source plugins: {@link io.connectsdk.api.source.SourceConnector},
 * {@link io.connectsdk.api.source.SourceTask}, the {@link io.connectsdk.api.source.SourceRecord}s
 * they produce, and the {@link io.connectsdk.api.source.OffsetStorageReader} with which they
 * resume.
 */
package io.connectsdk.api.source;
