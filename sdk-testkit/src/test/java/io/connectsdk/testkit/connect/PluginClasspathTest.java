package io.connectsdk.testkit.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.runtime.plugin.PluginClassLoader;
import io.connectsdk.testkit.junit.fixtures.CountingSource;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules that find an exploded plugin's classpath, on made-up class paths. */
class PluginClasspathTest {
    @TempDir
    Path dir;

    private Path jar(String relative) throws Exception {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.write(p, new byte[0]);
        return p;
    }

    private Path folder(String relative, String... subfolders) throws Exception {
        Path p = Files.createDirectories(dir.resolve(relative));
        for (String s : subfolders) {
            Files.createDirectories(p.resolve(s));
        }
        return p;
    }

    @Test
    void readsArtifactIdsFromTheMavenRepositoryLayoutAndFromFileNames() {
        assertThat(PluginClasspath.artifactId(Path.of("/r/org/apache/kafka/kafka-clients/4.4.0/kafka-clients-4.4.0.jar")))
                .isEqualTo("kafka-clients");
        assertThat(PluginClasspath.artifactId(Path.of("/r/com/acme/acme-db/1.0-SNAPSHOT/acme-db-1.0-20240101.1-2.jar")))
                .isEqualTo("acme-db");
        assertThat(PluginClasspath.artifactId(Path.of("/r/io/x/scala-library/2.13.18/scala-library-2.13.18-sources.jar")))
                .isEqualTo("scala-library");
        assertThat(PluginClasspath.artifactId(Path.of("/lib/jackson-databind-2.23.0.jar"))).isEqualTo("jackson-databind");
        assertThat(PluginClasspath.artifactId(Path.of("/lib/plain.jar"))).isEqualTo("plain");
        assertThat(PluginClasspath.artifactId(Path.of("/classes"))).isNull();
    }

    @Test
    void theBuildTimeStackListNamesTheTestKitsDependencies() {
        assertThat(PluginClasspath.stackArtifacts()).contains("kafka-clients", "kafka_2.13", "connect-sdk-runtime",
                "jackson-databind", "scala-library", "assertj-core", "awaitility");
    }

    @Test
    void keepsThePluginsOwnJarsAndDropsTheTestStack() throws Exception {
        Path classes = folder("module/target/classes");
        Path testClasses = folder("module/target/test-classes");
        Path sdkModule = folder("sdk/runtime/target/classes", "io/connectsdk/runtime");
        Path siblingModule = folder("other/target/classes", "com/acme/common");
        Path driver = jar("repo/com/acme/acme-driver/2.1/acme-driver-2.1.jar");
        Path guava = jar("repo/com/google/guava/guava/33.0/guava-33.0.jar");
        Path kafka = jar("repo/org/apache/kafka/kafka-clients/4.4.0/kafka-clients-4.4.0.jar");
        Path junit = jar("repo/org/junit/jupiter/junit-jupiter-engine/6.1.3/junit-jupiter-engine-6.1.3.jar");
        Path surefire = jar("repo/org/apache/maven/surefire/surefire-booter/3.5.4/surefire-booter-3.5.4.jar");
        Path mockito = jar("repo/org/mockito/mockito-core/5.0/mockito-core-5.0.jar");
        Path testkit = jar("repo/io/connectsdk/connect-sdk-testkit/0.1.0/connect-sdk-testkit-0.1.0.jar");
        String cp = String.join(File.pathSeparator, testClasses.toString(), classes.toString(), sdkModule.toString(),
                siblingModule.toString(), driver.toString(), kafka.toString(), junit.toString(), guava.toString(),
                surefire.toString(), mockito.toString(), testkit.toString(), dir.resolve("missing.jar").toString());

        assertThat(PluginClasspath.resolve(classes, null, cp))
                .containsExactly(classes, siblingModule, driver, guava);
    }

    @Test
    void anExactClasspathPropertyWinsOverTheRules() throws Exception {
        Path classes = folder("m/target/classes");
        Path kafka = jar("repo/org/apache/kafka/kafka-clients/4.4.0/kafka-clients-4.4.0.jar");
        Path driver = jar("lib/acme-driver-2.1.jar");
        assertThat(PluginClasspath.resolve(classes, kafka + "," + driver, driver.toString()))
                .containsExactly(classes, kafka, driver);
    }

    @Test
    void findsTheClassesFolderOfATestClassOrAPluginClass() throws Exception {
        Path testClasses = PluginClasspath.codeSource(PluginClasspathTest.class);
        assertThat(testClasses.getFileName().toString()).isEqualTo("test-classes");
        assertThat(PluginUnderTest.classesOf(PluginClasspathTest.class)).isEqualTo(testClasses.resolveSibling("classes"));
        assertThat(PluginUnderTest.classesOf(CountingSource.class)).as("a plugin class: its own folder").isEqualTo(testClasses);
        assertThat(PluginUnderTest.exploded(CountingSource.class).entries()).first().isEqualTo(testClasses);
        assertThat(PluginUnderTest.exploded(CountingSource.class).entries())
                .as("nothing of the test stack").noneMatch(p -> p.toString().contains("kafka-clients")
                        || p.toString().contains("junit") || p.toString().contains("connect-sdk-runtime"));
        assertThatThrownBy(() -> PluginUnderTest.archive(dir.resolve("none.zip")))
                .hasMessageContaining("none.zip does not exist");
    }

    @Test
    void assemblesALocationOfLinksWhoseClassesTheRuntimeDoesNotSee() throws Exception {
        Path classes = folder("m/target/classes", "com/acme");
        Files.writeString(classes.resolve("com/acme/Thing.txt"), "own");
        Path extraClasses = folder("common/target/classes", "com/acme/common");
        Files.writeString(extraClasses.resolve("com/acme/common/Util.txt"), "common");
        Path lib = jar("repo/com/acme/acme-driver/2.1/acme-driver-2.1.jar");

        Path location = PluginLocations.assemble(List.of(classes, extraClasses, lib), dir.resolve("location"));

        assertThat(location.resolve("com/acme/Thing.txt")).hasContent("own");
        assertThat(Files.list(location.resolve("lib")).map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("002-classes.jar", "003-acme-driver-2.1.jar");
        try (PluginClassLoader loader = new PluginClassLoader("test", io.connectsdk.runtime.plugin.PluginLocation
                .open(location).urls(), new HidingClassLoader(getClass().getClassLoader(), Set.of(classes)))) {
            assertThat(loader.getResource("com/acme/common/Util.txt")).isNotNull();
            assertThat(loader.getResource("com/acme/Thing.txt").toString()).contains("location");
        }
        PluginLocations.deleteTree(location);
        assertThat(location).doesNotExist();
        assertThat(classes.resolve("com/acme/Thing.txt")).as("deleting the links keeps their targets").hasContent("own");
    }

    @Test
    void theRuntimeViewHidesThePluginsClassesAndServices() throws Exception {
        Path testClasses = PluginClasspath.codeSource(CountingSource.class);
        HidingClassLoader view = new HidingClassLoader(getClass().getClassLoader(), Set.of(testClasses));
        assertThatThrownBy(() -> view.loadClass(CountingSource.class.getName())).isInstanceOf(ClassNotFoundException.class);
        assertThat(view.getResource("META-INF/services/io.connectsdk.api.source.SourceConnector")).isNull();
        assertThat(view.loadClass("io.connectsdk.runtime.worker.Worker")).isNotNull();
        assertThat(view.getResource("io/connectsdk/testkit/connect/test-stack.txt")).isNotNull();
    }
}
