/**
 * What source and sink plugins share: the {@link io.connectsdk.api.connector.Connector connector
 * instance} that splits work, its {@link io.connectsdk.api.connector.ConnectorContext context},
 * the {@link io.connectsdk.api.connector.Task task} contract and the
 * {@link io.connectsdk.api.connector.ConnectRecord record} base class.
 */
package io.connectsdk.api.connector;
