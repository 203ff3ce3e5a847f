package io.connectsdk.runtime.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.connector.Connector;
import io.connectsdk.api.connector.Task;
import io.connectsdk.api.errors.ConnectException;
import io.connectsdk.api.storage.Converter;
import io.connectsdk.api.storage.ConverterType;
import io.connectsdk.api.storage.HeaderConverter;
import io.connectsdk.api.transforms.Predicate;
import io.connectsdk.api.transforms.Transform;
import io.connectsdk.runtime.plugin.fixtures.JarBuilder;
import io.connectsdk.runtime.plugin.fixtures.PluginFixtures;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PluginsTest {
    private final PluginFixtures fixtures = PluginFixtures.get();

    private Plugins discover(Path pluginPath) {
        return Plugins.builder().pluginPath(pluginPath.toString()).extractionRoot(fixtures.newFolder("extract")).build();
    }

    @SuppressWarnings("try") // the swap is used for its scope
    private static Map<String, String> firstTaskConfig(Connector connector) {
        try (LoaderSwap swap = LoaderSwap.forPlugin(connector)) {
            connector.start(Map.of());
            return connector.taskConfigs(1).get(0);
        }
    }

    @Test
    void pluginsBundlingIncompatibleVersionsOfOneLibraryRunSideBySide() {
        try (Plugins plugins = discover(fixtures.sideBySidePath)) {
            assertThat(plugins.problems()).isEmpty();
            Connector a = plugins.newConnector("GreeterA");
            Connector b = plugins.newConnector("GreeterBConnector");
            Connector uber = plugins.newConnector("com.acme.uber.UberGreeterConnector");
            assertThat(firstTaskConfig(a)).containsEntry("greeting", "Hello A from greeter 1");
            assertThat(firstTaskConfig(b)).containsEntry("greeting", "Hi B! (greeter 2)");
            assertThat(firstTaskConfig(uber)).containsEntry("greeting", "Hello Uber from greeter 1");
            assertThat(a.getClass().getClassLoader()).isNotSameAs(b.getClass().getClassLoader())
                    .isNotSameAs(uber.getClass().getClassLoader());
        }
    }

    @Test
    void eachKindOfLocationIsOneLoaderAndOnlyItsOwnClassesCount() {
        try (Plugins plugins = discover(fixtures.sideBySidePath)) {
            List<PluginDesc> found = plugins.plugins().stream().filter(p -> !p.isClasspath()).toList();
            assertThat(found).extracting(PluginDesc::className).containsExactlyInAnyOrder(
                    "com.acme.a.GreeterAConnector", "com.acme.b.GreeterBConnector", "com.acme.uber.UberGreeterConnector");
            assertThat(found).allSatisfy(p -> {
                assertThat(p.type()).isEqualTo(PluginType.SOURCE);
                assertThat(p.version()).isEqualTo("1.0.0");
                assertThat(p.loader()).isInstanceOf(PluginClassLoader.class);
                assertThat(((PluginClassLoader) p.loader()).definesClass(p.pluginClass())).isTrue();
            });
            assertThat(found).extracting(PluginDesc::location).containsExactlyInAnyOrder(
                    fixtures.greeterADir.toString(), fixtures.greeterBZip.toString(), fixtures.greeterUberJar.toString());
        }
    }

    @Test
    void aZipArchiveIsExtractedOnceAndReused() throws IOException {
        Path extraction = fixtures.newFolder("extract");
        for (int i = 0; i < 2; i++) {
            try (Plugins plugins = Plugins.builder().locations(List.of(fixtures.greeterBZip)).extractionRoot(extraction)
                    .includeClasspath(false).build()) {
                assertThat(plugins.plugins()).extracting(PluginDesc::className).containsExactly("com.acme.b.GreeterBConnector");
            }
        }
        try (Stream<Path> children = Files.list(extraction)) {
            List<Path> dirs = children.toList();
            assertThat(dirs).hasSize(1);
            assertThat(dirs.get(0).getFileName().toString()).startsWith("greeter-b-");
            assertThat(dirs.get(0).resolve("lib/greeter-2.0.jar")).isRegularFile();
        }
    }

    @Test
    void classpathPluginsAreFoundTheSameWayAndNotAttributedToLocations() throws Exception {
        try (URLClassLoader runtime = new URLClassLoader(new URL[] {fixtures.echoPath.resolve("echo-one.jar").toUri().toURL()},
                PluginsTest.class.getClassLoader());
                Plugins plugins = Plugins.builder().locations(List.of(fixtures.goodJar)).parent(runtime).build()) {
            assertThat(plugins.plugins()).filteredOn(PluginDesc::isClasspath).extracting(PluginDesc::className)
                    .contains("com.one.EchoConnector").doesNotContain("com.acme.good.GoodSourceConnector");
            assertThat(plugins.plugins()).filteredOn(p -> !p.isClasspath())
                    .allSatisfy(p -> assertThat(p.className()).startsWith("com.acme.good."))
                    .extracting(PluginDesc::type)
                    .containsExactlyInAnyOrder(PluginType.values());
            // the classpath plugin is created with the runtime's loader, a location's with its own
            assertThat(plugins.newConnector("Echo").getClass().getClassLoader()).isSameAs(runtime);
        }
    }

    @Test
    void aliasesAreTheSimpleNameAndTheNameWithoutTheTypeSuffix() {
        try (Plugins plugins = Plugins.builder().locations(List.of(fixtures.goodJar)).includeClasspath(false).build()) {
            assertThat(plugins.resolve(PluginType.SOURCE, "GoodSourceConnector", null).aliases())
                    .containsExactly("GoodSourceConnector", "GoodSource");
            assertThat(plugins.plugins(PluginType.HEADER_CONVERTER).get(0).aliases())
                    .containsExactly("GoodHeaderConverter", "Good");
            assertThat(plugins.newConnector("GoodSink").getClass().getName()).isEqualTo("com.acme.good.GoodSinkConnector");
            assertThat(plugins.newConverter("Good", null).getClass().getName()).isEqualTo("com.acme.good.GoodConverter");
            assertThat(plugins.newHeaderConverter("Good", null).getClass().getName())
                    .isEqualTo("com.acme.good.GoodHeaderConverter");
            assertThat(plugins.newTransform("Good", null).getClass().getName()).isEqualTo("com.acme.good.GoodTransform");
            assertThat(plugins.newPredicate("GoodPredicate", null).getClass().getName()).isEqualTo("com.acme.good.GoodPredicate");
        }
    }

    @Test
    void anAmbiguousAliasIsRefusedListingTheCandidatesAndTheirLocations() {
        try (Plugins plugins = discover(fixtures.echoPath)) {
            assertThatThrownBy(() -> plugins.newConnector("Echo"))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("'Echo' is ambiguous")
                    .hasMessageContaining("com.one.EchoConnector 1.0.0 (" + fixtures.echoPath.resolve("echo-one.jar"))
                    .hasMessageContaining("com.two.EchoConnector 2.0.0 (" + fixtures.echoPath.resolve("echo-two.jar"));
            assertThatThrownBy(() -> plugins.newConnector(Map.of("connector.class", "EchoConnector")))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("connector.class")
                    .hasMessageContaining("ambiguous");
            assertThat(plugins.newConnector("com.two.EchoConnector").version()).isEqualTo("2.0.0");
            assertThat(plugins.ambiguousAliases().get(PluginType.SOURCE)).containsOnlyKeys("Echo", "EchoConnector");
            assertThat(plugins.resolve(PluginType.SOURCE, "com.one.EchoConnector", null).aliases()).isEmpty();
        }
    }

    @Test
    void anUnknownNameListsWhatIsInstalled() {
        try (Plugins plugins = discover(fixtures.echoPath)) {
            assertThatThrownBy(() -> plugins.newConnector("Missing"))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("no connector named 'Missing' is installed")
                    .hasMessageContaining("com.one.EchoConnector");
        }
    }

    @Test
    void theHighestVersionWinsUnlessTheConfigurationAsksForOne() {
        try (Plugins plugins = discover(fixtures.versionsPath)) {
            assertThat(plugins.plugins(PluginType.SOURCE)).filteredOn(p -> !p.isClasspath())
                    .extracting(PluginDesc::version).containsExactlyInAnyOrder("1.0.0", "1.10.0", "1.2.0-SNAPSHOT");
            assertThat(plugins.newConnector("Versioned").version()).isEqualTo("1.10.0");
            Connector snapshot = plugins.newConnector("VersionedConnector", "1.2.0-SNAPSHOT");
            assertThat(((PluginClassLoader) snapshot.getClass().getClassLoader()).location())
                    .isEqualTo(fixtures.versionsPath.resolve("versioned-1.2.0-SNAPSHOT.zip").toString());
            Connector old = plugins.newConnector(Map.of("connector.class", "com.acme.versioned.VersionedConnector",
                    "connector.plugin.version", "1.0.0"));
            assertThat(firstTaskConfig(old)).containsEntry("version", "1.0.0");
        }
    }

    @Test
    void anUnknownVersionIsRefusedListingTheInstalledOnes() {
        try (Plugins plugins = discover(fixtures.versionsPath)) {
            assertThatThrownBy(() -> plugins.newConnector(Map.of("connector.class", "Versioned", "connector.plugin.version", "9.9")))
                    .isInstanceOf(ConfigException.class)
                    .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("connector.plugin.version"))
                    .hasMessageContaining("has no version '9.9' installed")
                    .hasMessageContaining("installed versions: 1.10.0 (" + fixtures.versionsPath.resolve("versioned-1.10.0.jar")
                            + "), 1.2.0-SNAPSHOT (");
        }
    }

    @Test
    void convertersTransformsAndPredicatesAreCreatedAndConfiguredFromTheirKeys() {
        try (Plugins plugins = discover(fixtures.versionsPath)) {
            Map<String, String> config = Map.ofEntries(
                    Map.entry("key.converter", "Versioned"),
                    Map.entry("key.converter.plugin.version", "1.0.0"),
                    Map.entry("key.converter.schemas.enable", "false"),
                    Map.entry("value.converter", "VersionedConverter"),
                    Map.entry("header.converter", "Versioned"),
                    Map.entry("header.converter.plugin.version", "1.2.0-SNAPSHOT"),
                    Map.entry("header.converter.encoding", "UTF-8"),
                    Map.entry("transforms.up.type", "Versioned"),
                    Map.entry("transforms.up.plugin.version", "1.0.0"),
                    Map.entry("transforms.up.field", "name"),
                    Map.entry("transforms.up.predicate", "always"),
                    Map.entry("predicates.always.type", "com.acme.versioned.VersionedPredicate"),
                    Map.entry("predicates.always.pattern", ".*"));
            Converter key = plugins.newConverter(config, ConverterType.KEY);
            Converter value = plugins.newConverter(config, ConverterType.VALUE);
            HeaderConverter header = plugins.newHeaderConverter(config);
            Transform<?> transform = plugins.newTransform(config, "up");
            Predicate<?> predicate = plugins.newPredicate(config, "always");
            assertThat(key.toConnectData("t", null).value()).isEqualTo("1.0.0|true|{schemas.enable=false}");
            assertThat(value.toConnectData("t", null).value()).isEqualTo("1.10.0|false|{}");
            assertThat(header.toConnectHeader("t", "h", null).value()).isEqualTo("1.2.0-SNAPSHOT|{encoding=UTF-8}");
            assertThat(transform).hasToString("1.0.0|{field=name}");
            assertThat(predicate).hasToString("1.10.0|{pattern=.*}");
        }
    }

    @Test
    void aMissingKeyIsNamedInTheError() {
        try (Plugins plugins = discover(fixtures.versionsPath)) {
            assertThatThrownBy(() -> plugins.newConverter(Map.of(), ConverterType.VALUE))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("value.converter");
            assertThatThrownBy(() -> plugins.newTransform(Map.of(), "mask"))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("transforms.mask.type");
        }
    }

    @Test
    void pluginCodeRunsWithThePluginsLoaderAsContextLoader() {
        try (Plugins plugins = Plugins.builder().locations(List.of(fixtures.goodJar)).includeClasspath(false).build()) {
            ClassLoader before = Thread.currentThread().getContextClassLoader();
            Connector connector = plugins.newConnector("GoodSource");
            assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
            assertThat(firstTaskConfig(connector)).containsEntry("contextLoaderWasOwn", "true");
            Task task = plugins.newTask(connector.taskClass());
            assertThat(task.getClass().getClassLoader()).isSameAs(connector.getClass().getClassLoader());
        }
    }

    @Test
    void aJdbcDriverInALocationIsVisibleToThatPluginOnly() {
        try (Plugins plugins = discover(fixtures.jdbcPath)) {
            assertThat(firstTaskConfig(plugins.newConnector("JdbcSource")))
                    .containsEntry("driver", "com.acme.jdbcdriver.FixtureDriver");
            assertThat(firstTaskConfig(plugins.newConnector("NoDriverSource")).get("driver"))
                    .startsWith("none: ");
        }
    }

    @Test
    void aLocationWhosePluginBlocksIsSkippedAfterTheTimeoutNamingWhereItIsStuck() {
        try {
            // more locations than cores: the ones queued behind the stuck location must still be discovered
            List<Path> locations = List.of(fixtures.stuckCtorJar, fixtures.missingClassJar, fixtures.nullVersionJar,
                    fixtures.placeholderVersionJar);
            Plugins found = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                    () -> Plugins.builder().locations(locations).includeClasspath(false)
                            .discoveryTimeout(java.time.Duration.ofMillis(1500)).build(),
                    "discovery must give up on a location whose plugin blocks");
            try (Plugins plugins = found) {
                assertThat(plugins.plugins()).extracting(PluginDesc::className).containsExactlyInAnyOrder(
                        "com.acme.ghost.RealConnector", "com.acme.nullv.NullVersionConnector",
                        "com.acme.placeholder.PlaceholderConnector");
                assertThat(plugins.problems()).anySatisfy(p -> assertThat(p)
                        .startsWith(fixtures.stuckCtorJar.toString() + ": skipped")
                        .contains("did not finish within 1500 ms")
                        .contains("com.acme.stuck.StuckConnector.<init>"));
            }
        } finally {
            System.setProperty(PluginFixtures.STUCK_RELEASE_PROPERTY, "true"); // let the abandoned thread end
        }
    }

    @Test
    void theDiscoveryTimeoutMustBePositive() {
        assertThatThrownBy(() -> Plugins.builder().discoveryTimeout(java.time.Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive");
    }

    @Test
    void brokenEntriesAreSkippedAndReportedWhileTheRestIsFound() {
        try (Plugins plugins = Plugins.builder().locations(List.of(fixtures.missingClassJar, fixtures.throwingCtorJar))
                .includeClasspath(false).build()) {
            assertThat(plugins.plugins()).extracting(PluginDesc::className).containsExactly("com.acme.ghost.RealConnector");
            assertThat(plugins.problems()).anySatisfy(p -> assertThat(p)
                    .contains(fixtures.missingClassJar.toString()).contains("com.acme.ghost.GhostConnector"));
            assertThat(plugins.problems()).anySatisfy(p -> assertThat(p)
                    .contains(fixtures.throwingCtorJar.toString()).contains("com.acme.boom.BoomConnector"));
        }
    }

    @Test
    void discoveryGoesOnAfterBrokenEntriesInTheSameServiceFile() {
        Path jar = new JarBuilder().classes(fixtures.missingClassJar, "com/").classes(fixtures.throwingCtorJar, "com/")
                .service(PluginFixtures.SOURCE_CONNECTOR, "com.acme.ghost.GhostConnector", "com.acme.boom.BoomConnector",
                        "com.acme.ghost.RealConnector")
                .write(fixtures.newFolder("order").resolve("broken-first.jar"));
        try (Plugins plugins = Plugins.builder().locations(List.of(jar)).includeClasspath(false).build()) {
            assertThat(plugins.plugins()).extracting(PluginDesc::className).containsExactly("com.acme.ghost.RealConnector");
            assertThat(plugins.problems()).hasSize(2);
        }
    }

    @Test
    void aMissingVersionIsShownAsUndefined() {
        try (Plugins plugins = Plugins.builder().locations(List.of(fixtures.nullVersionJar)).includeClasspath(false).build()) {
            assertThat(plugins.plugins()).singleElement().extracting(PluginDesc::version).isEqualTo(PluginDesc.UNDEFINED_VERSION);
        }
    }

    @Test
    void aConstructorThatThrowsIsReportedWithTheClassAndLocation() {
        try (Plugins plugins = Plugins.builder().locations(List.of(fixtures.goodJar)).includeClasspath(false).build()) {
            assertThatThrownBy(() -> plugins.newTask(ThrowingTask.class))
                    .isInstanceOf(ConnectException.class)
                    .hasMessageContaining(ThrowingTask.class.getName())
                    .hasMessageContaining("its constructor threw java.lang.IllegalStateException: no task today");
        }
    }

    @Test
    void badPluginPathEntriesAreNamed() throws IOException {
        Path missing = fixtures.newFolder("pp").resolve("nope");
        assertThatThrownBy(() -> Plugins.discover(missing.toString()))
                .isInstanceOf(PluginLocationException.class)
                .hasMessageContaining("plugin.path entry " + missing + " does not exist");
        Path text = Files.writeString(fixtures.newFolder("pp").resolve("notes.txt"), "hello");
        assertThatThrownBy(() -> Plugins.builder().locations(List.of(text)).build())
                .isInstanceOf(PluginLocationException.class)
                .hasMessageContaining(text + " is not a plugin location");
        Path fakeJar = Files.writeString(fixtures.newFolder("pp").resolve("broken.jar"), "not a zip");
        assertThatThrownBy(() -> Plugins.builder().locations(List.of(fixtures.goodJar, fakeJar, fixtures.echoPath)).build())
                .isInstanceOf(PluginLocationException.class)
                .hasMessageContaining(fakeJar + " is not a readable jar");
    }

    @Test
    void pluginPathListsDirectoriesJarsAndZipsButNotOtherFiles() throws IOException {
        Path dir = fixtures.newFolder("pp");
        Files.createDirectories(dir.resolve("a-dir"));
        Files.writeString(dir.resolve("b.jar"), "x");
        Files.writeString(dir.resolve("c.zip"), "x");
        Files.writeString(dir.resolve("README.txt"), "x");
        assertThat(PluginLocation.locationsIn(" " + dir + " ,")).extracting(p -> p.getFileName().toString())
                .containsExactly("a-dir", "b.jar", "c.zip");
    }

    @Test
    void closingTheRegistryClosesThePluginLoaders() {
        Plugins plugins = Plugins.builder().locations(List.of(fixtures.goodJar)).includeClasspath(false).build();
        ClassLoader loader = plugins.plugins().get(0).loader();
        assertThat(loader.getResource("com/acme/good/GoodConverter.class")).isNotNull();
        plugins.close();
        assertThat(loader.getResource("com/acme/good/GoodConverter.class")).isNull();
    }

    /** A task whose constructor fails, for {@link Plugins#newTask}. */
    public static class ThrowingTask implements Task {
        public ThrowingTask() {
            throw new IllegalStateException("no task today");
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public void start(Map<String, String> props) {
        }

        @Override
        public void stop() {
        }
    }
}
