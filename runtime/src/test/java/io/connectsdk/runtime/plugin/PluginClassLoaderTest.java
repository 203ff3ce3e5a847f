package io.connectsdk.runtime.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.connectsdk.api.source.SourceConnector;
import io.connectsdk.runtime.plugin.fixtures.PluginFixtures;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class PluginClassLoaderTest {
    private final PluginFixtures fixtures = PluginFixtures.get();

    @Test
    void theJdkTheSpiAndSlf4jAreParentFirstEverythingElseIsChildFirst() {
        assertThat(PluginClassLoader.isParentFirstClass("java.lang.String")).isTrue();
        assertThat(PluginClassLoader.isParentFirstClass("javax.sql.DataSource")).isTrue();
        assertThat(PluginClassLoader.isParentFirstClass("org.w3c.dom.Node")).isTrue();
        assertThat(PluginClassLoader.isParentFirstClass("org.xml.sax.InputSource")).isTrue();
        assertThat(PluginClassLoader.isParentFirstClass("io.connectsdk.api.source.SourceConnector")).isTrue();
        assertThat(PluginClassLoader.isParentFirstClass("io.connectsdk.api.Thing")).isTrue();
        assertThat(PluginClassLoader.isParentFirstClass("org.slf4j.Logger")).isTrue();
        assertThat(PluginClassLoader.isParentFirstClass("org.slf4j.impl.StaticLoggerBinder")).isTrue();

        assertThat(PluginClassLoader.isParentFirstClass("javax.inject.Inject")).isFalse();
        assertThat(PluginClassLoader.isParentFirstClass("com.sun.jna.Native")).isFalse();
        assertThat(PluginClassLoader.isParentFirstClass("io.connectsdk.apix.Thing")).isFalse();
        assertThat(PluginClassLoader.isParentFirstClass("io.connectsdk.builtins.Thing")).isFalse();
        assertThat(PluginClassLoader.isParentFirstClass("org.slf4jx.Logger")).isFalse();
        assertThat(PluginClassLoader.isParentFirstClass("com.fasterxml.jackson.databind.ObjectMapper")).isFalse();
        assertThat(PluginClassLoader.isParentFirstClass("TopLevel")).isFalse();

        assertThat(PluginClassLoader.isParentFirstResource("org/slf4j/impl/StaticLoggerBinder.class")).isTrue();
        assertThat(PluginClassLoader.isParentFirstResource("META-INF/services/io.connectsdk.api.storage.Converter")).isFalse();
        assertThat(PluginClassLoader.isParentFirstResource("logback.xml")).isFalse();
    }

    @Test
    void isParallelCapable() throws Exception {
        try (PluginClassLoader loader = loaderFor(fixtures.goodJar)) {
            assertThat(loader.isRegisteredAsParallelCapable()).isTrue();
        }
    }

    @Test
    void aBundledLibraryComesFromThePluginNeverFromTheRuntime() throws Exception {
        try (PluginClassLoader loader = loaderFor(fixtures.jacksonDir)) {
            Class<?> mapper = loader.loadClass(ObjectMapper.class.getName());
            assertThat(mapper).isNotSameAs(ObjectMapper.class);
            assertThat(mapper.getClassLoader()).isSameAs(loader);
            assertThat(Class.forName(ObjectMapper.class.getName(), false, loader)).isSameAs(mapper);
            // its dependencies resolve inside the plugin too
            Object instance = mapper.getConstructor().newInstance();
            Class<?> factory = mapper.getMethod("getFactory").invoke(instance).getClass();
            assertThat(factory.getClassLoader()).isSameAs(loader);
        }
    }

    @Test
    void theSpiAndSlf4jAlwaysComeFromTheRuntimeEvenWhenThePluginBundlesCopies() throws Exception {
        try (PluginClassLoader loader = loaderFor(fixtures.bundledApiJar)) {
            assertThat(loader.findResource("io/connectsdk/api/source/SourceConnector.class"))
                    .as("the fixture really bundles a copy").isNotNull();
            assertThat(loader.loadClass(SourceConnector.class.getName())).isSameAs(SourceConnector.class);
            assertThat(loader.loadClass(Logger.class.getName())).isSameAs(Logger.class);
            assertThat(loader.loadClass("java.util.List")).isSameAs(List.class);
            assertThat(loader.getResource("io/connectsdk/api/source/SourceConnector.class"))
                    .isEqualTo(SourceConnector.class.getClassLoader().getResource("io/connectsdk/api/source/SourceConnector.class"));
            assertThat(Collections.list(loader.getResources("io/connectsdk/api/source/SourceConnector.class")))
                    .noneMatch(u -> u.toString().contains("bundled-api.jar"));
        }
    }

    @Test
    void aLibraryOnTheRuntimeSideIsShadowedByThePluginsCopyAndUsedWhenThePluginHasNone() throws Exception {
        try (URLClassLoader runtime = new URLClassLoader(new URL[] {fixtures.greeterRuntimeJar.toUri().toURL()},
                PluginClassLoaderTest.class.getClassLoader());
                PluginClassLoader withGreeter = loaderFor(fixtures.greeterADir, runtime);
                PluginClassLoader withoutGreeter = loaderFor(fixtures.goodJar, runtime)) {
            Class<?> runtimeGreeter = runtime.loadClass("com.acme.lib.Greeter");
            Class<?> pluginGreeter = withGreeter.loadClass("com.acme.lib.Greeter");
            assertThat(pluginGreeter).isNotSameAs(runtimeGreeter);
            assertThat(pluginGreeter.getClassLoader()).isSameAs(withGreeter);
            assertThat(pluginGreeter.getMethod("greet", String.class).invoke(null, "Ann")).isEqualTo("Hello Ann from greeter 1");

            assertThat(withoutGreeter.loadClass("com.acme.lib.Greeter")).isSameAs(runtimeGreeter);

            URL own = withGreeter.getResource("com/acme/lib/Greeter.class");
            assertThat(own.toString()).contains("greeter-1.0.jar");
            List<URL> all = Collections.list(withGreeter.getResources("com/acme/lib/Greeter.class"));
            assertThat(all).hasSize(2);
            assertThat(all.get(0).toString()).contains("greeter-1.0.jar");
            assertThat(all.get(1).toString()).contains("greeter-0.jar");
        }
    }

    @Test
    void servicesOfTheLocationAreListedBeforeTheRuntimes() throws Exception {
        try (URLClassLoader runtime = new URLClassLoader(new URL[] {fixtures.echoPath.resolve("echo-one.jar").toUri().toURL()},
                PluginClassLoaderTest.class.getClassLoader());
                PluginClassLoader loader = loaderFor(fixtures.echoPath.resolve("echo-two.jar"), runtime)) {
            List<URL> services = Collections.list(loader.getResources("META-INF/services/" + PluginFixtures.SOURCE_CONNECTOR));
            assertThat(services).hasSizeGreaterThanOrEqualTo(2);
            assertThat(services.get(0).toString()).contains("echo-two.jar");
            assertThat(services).anyMatch(u -> u.toString().contains("echo-one.jar"));
            assertThat(loader.definesClass(loader.loadClass("com.two.EchoConnector"))).isTrue();
            assertThat(loader.definesClass(loader.loadClass("com.one.EchoConnector"))).isFalse();
        }
    }

    private static PluginClassLoader loaderFor(Path location) {
        return loaderFor(location, PluginClassLoaderTest.class.getClassLoader());
    }

    private static PluginClassLoader loaderFor(Path location, ClassLoader parent) {
        return PluginLocation.open(location).newClassLoader(parent);
    }
}
