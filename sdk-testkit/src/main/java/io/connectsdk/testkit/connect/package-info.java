/**
 * An embedded Connect cluster for tests: {@link io.connectsdk.testkit.connect.ConnectCluster}, a
 * standalone worker of connect-sdk's runtime in the test JVM with its REST API on loopback, hosting
 * the plugin under test ({@link io.connectsdk.testkit.connect.PluginUnderTest}) through the
 * runtime's production plugin isolation.
 *
 * <p>The plugin is loaded <em>exploded</em> by default (its {@code target/classes} and runtime
 * dependencies, nothing packaged) or from its packaged archive
 * ({@link io.connectsdk.testkit.connect.PluginSource}). For the exact runtime classpath of an
 * exploded plugin, let Maven write it into a system property:
 * <pre>{@code
 * <plugin>
 *   <artifactId>maven-dependency-plugin</artifactId>
 *   <executions><execution>
 *     <id>plugin-classpath</id><phase>generate-test-resources</phase><goals><goal>build-classpath</goal></goals>
 *     <configuration>
 *       <includeScope>runtime</includeScope>
 *       <excludeArtifactIds>connect-sdk-api</excludeArtifactIds>
 *       <outputProperty>connectsdk.plugin.classpath</outputProperty>
 *     </configuration>
 *   </execution></executions>
 * </plugin>
 * <plugin>
 *   <artifactId>maven-surefire-plugin</artifactId>
 *   <configuration><systemPropertyVariables>
 *     <connectsdk.plugin.classpath>${connectsdk.plugin.classpath}</connectsdk.plugin.classpath>
 *   </systemPropertyVariables></configuration>
 * </plugin>
 * }</pre>
 */
package io.connectsdk.testkit.connect;
