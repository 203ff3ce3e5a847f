/**
 * Plugin inspection: the checks behind {@code connect-sdk validate} and the Maven plugin's
 * {@code connect-sdk:validate}. {@link io.connectsdk.runtime.inspect.PluginInspector} inspects plugin
 * locations and returns an {@link io.connectsdk.runtime.inspect.InspectionReport} of
 * {@link io.connectsdk.runtime.inspect.Finding}s, each with a stable
 * {@link io.connectsdk.runtime.inspect.FindingId id}, a severity, the jar and class concerned, a
 * message and a hint; {@link io.connectsdk.runtime.inspect.ReportWriter} renders it as text or JSON.
 */
package io.connectsdk.runtime.inspect;
