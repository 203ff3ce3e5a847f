package io.connectsdk.runtime.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.connectsdk.runtime.plugin.PluginLocation;
import io.connectsdk.runtime.plugin.PluginLocationException;
import io.connectsdk.runtime.plugin.PluginType;
import io.connectsdk.runtime.plugin.fixtures.JarBuilder;
import io.connectsdk.runtime.plugin.fixtures.PluginFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PluginInspectorTest {
    private final PluginFixtures fixtures = PluginFixtures.get();
    private final PluginInspector inspector = PluginInspector.builder().javaRelease(17)
            .extractionRoot(fixtures.newFolder("extract")).build();

    private LocationReport inspect(Path location) {
        return inspector.inspect(location);
    }

    private static Finding only(LocationReport report, FindingId id) {
        assertThat(report.findings(id)).as("findings %s in %s", id, report.findings()).hasSize(1);
        return report.findings(id).get(0);
    }

    private static List<FindingId> ids(LocationReport report, Severity severity) {
        return report.findings().stream().filter(f -> f.severity() == severity).map(Finding::id).toList();
    }

    @Test
    void aCleanPluginOfEveryKindHasNoFindings() {
        LocationReport report = inspect(fixtures.goodJar);
        assertThat(report.findings()).isEmpty();
        assertThat(report.kind()).isEqualTo(PluginLocation.Kind.JAR);
        assertThat(report.plugins()).extracting(InspectedPlugin::type).containsExactlyInAnyOrder(PluginType.values());
        assertThat(report.plugins()).allSatisfy(p -> {
            assertThat(p.version()).isEqualTo("1.0.0");
            assertThat(p.jar()).isEqualTo("acme-good-1.0.0.jar");
        });
    }

    @Test
    void aDirectoryOfJarsAZipWithLibAndAnUberJarAreInspectedLikeTheRuntimeLoadsThem() {
        LocationReport dir = inspect(fixtures.greeterADir);
        LocationReport zip = inspect(fixtures.greeterBZip);
        LocationReport uber = inspect(fixtures.greeterUberJar);
        assertThat(dir.kind()).isEqualTo(PluginLocation.Kind.DIRECTORY);
        assertThat(zip.kind()).isEqualTo(PluginLocation.Kind.ARCHIVE);
        assertThat(uber.kind()).isEqualTo(PluginLocation.Kind.JAR);
        assertThat(dir.findings()).isEmpty();
        assertThat(zip.findings()).isEmpty();
        assertThat(uber.findings()).isEmpty();
        assertThat(dir.plugins()).singleElement().satisfies(p -> {
            assertThat(p.className()).isEqualTo("com.acme.a.GreeterAConnector");
            assertThat(p.jar()).isEqualTo("greeter-a-connector-1.0.0.jar");
        });
        assertThat(zip.plugins()).singleElement().extracting(InspectedPlugin::jar).isEqualTo("lib/greeter-b-connector-1.0.0.jar");
        assertThat(uber.plugins()).singleElement().extracting(InspectedPlugin::className)
                .isEqualTo("com.acme.uber.UberGreeterConnector");
    }

    @Test
    void bundledSdkApiClassesAreAnError() {
        Finding f = only(inspect(fixtures.bundledApiJar), FindingId.BUNDLED_SDK_API);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.jar()).isEqualTo("bundled-api.jar");
        assertThat(f.className()).startsWith("io.connectsdk.api.");
        assertThat(f.message()).contains("in 10 packages io.connectsdk.api.config, io.connectsdk.api.connector");
        assertThat(f.hint()).contains("<scope>provided</scope>");
    }

    @Test
    void aServiceEntryToAMissingClassIsAnErrorNamingJarAndClass() {
        LocationReport report = inspect(fixtures.missingClassJar);
        Finding f = only(report, FindingId.SERVICE_CLASS_MISSING);
        assertThat(f.jar()).isEqualTo("missing-class.jar");
        assertThat(f.className()).isEqualTo("com.acme.ghost.GhostConnector");
        assertThat(f.message()).contains("META-INF/services/io.connectsdk.api.source.SourceConnector (line 2 in missing-class.jar)");
        assertThat(report.plugins()).extracting(InspectedPlugin::className).containsExactly("com.acme.ghost.RealConnector");
    }

    @Test
    void aThrowingConstructorIsAnErrorWithTheCauseAndWhereItWasThrown() {
        Finding f = only(inspect(fixtures.throwingCtorJar), FindingId.CONSTRUCTOR_THROWS);
        assertThat(f.className()).isEqualTo("com.acme.boom.BoomConnector");
        assertThat(f.message()).contains("java.lang.IllegalStateException: boom: cannot read /etc/acme.conf")
                .contains("at com.acme.boom.BoomConnector.<init>");
    }

    @Test
    void aMissingOrUnexpandedVersionIsAnError() {
        LocationReport nullVersion = inspect(fixtures.nullVersionJar);
        assertThat(only(nullVersion, FindingId.VERSION_MISSING).message()).contains("version() returned null");
        assertThat(nullVersion.plugins()).singleElement().extracting(InspectedPlugin::version).isNull();
        assertThat(only(inspect(fixtures.placeholderVersionJar), FindingId.VERSION_UNEXPANDED).message())
                .contains("${project.version}");
    }

    @Test
    void serviceEntriesMustNamePublicConcreteClassesOfTheRightTypeWithANoArgConstructor() {
        Finding wrongType = only(inspect(fixtures.wrongTypeJar), FindingId.SERVICE_CLASS_WRONG_TYPE);
        assertThat(wrongType.message()).contains("is not a io.connectsdk.api.source.SourceConnector but a io.connectsdk.api.sink.SinkConnector");
        assertThat(wrongType.hint()).contains("META-INF/services/io.connectsdk.api.sink.SinkConnector");
        assertThat(only(inspect(fixtures.nonPublicJar), FindingId.SERVICE_CLASS_NOT_PUBLIC).className())
                .isEqualTo("com.acme.nonpublic.HiddenConnector");
        assertThat(only(inspect(fixtures.abstractJar), FindingId.SERVICE_CLASS_ABSTRACT).message()).contains("abstract");
        assertThat(only(inspect(fixtures.noCtorJar), FindingId.NO_PUBLIC_NO_ARG_CONSTRUCTOR).className())
                .isEqualTo("com.acme.noctor.NeedsArgConnector");
    }

    @Test
    void aPluginClassWithoutServiceEntryIsAWarning() {
        LocationReport report = inspect(fixtures.unregisteredJar);
        Finding f = only(report, FindingId.PLUGIN_NOT_REGISTERED);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.className()).isEqualTo("com.acme.unregistered.ForgottenConnector");
        assertThat(f.hint()).contains("META-INF/services/io.connectsdk.api.source.SourceConnector");
        assertThat(ids(report, Severity.ERROR)).isEmpty();
    }

    @Test
    void theConfigDefMustBeThereAndDocumented() {
        assertThat(only(inspect(fixtures.configThrowsJar), FindingId.CONFIG_DEF_THROWS).message()).contains("config not ready");
        only(inspect(fixtures.configNullJar), FindingId.CONFIG_DEF_NULL);
        Finding undocumented = only(inspect(fixtures.undocumentedJar), FindingId.CONFIG_KEY_UNDOCUMENTED);
        assertThat(undocumented.message()).contains("1 undocumented key: url").doesNotContain("topic");
    }

    @Test
    void aHangingConstructorTimesOutInsteadOfHangingTheCheck() {
        PluginInspector quick = PluginInspector.builder().timeout(Duration.ofMillis(300)).build();
        Finding f = only(quick.inspect(fixtures.hangingCtorJar), FindingId.PLUGIN_CALL_TIMEOUT);
        assertThat(f.message()).contains("new com.acme.hang.HangingConnector() did not return within 300 ms");
    }

    @Test
    void bundledKafkaClassesAreReported() {
        LocationReport report = inspect(fixtures.kafkaClassesJar);
        assertThat(only(report, FindingId.BUNDLED_KAFKA_CONNECT_API).severity()).isEqualTo(Severity.ERROR);
        assertThat(only(report, FindingId.BUNDLED_KAFKA_CLIENTS).severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void slf4jBindingsAreDuplicatesAndSlf4jClassesAreParentFirstErrors() {
        LocationReport report = inspect(fixtures.slf4jDir);
        Finding duplicates = only(report, FindingId.DUPLICATE_SLF4J_BINDINGS);
        assertThat(duplicates.message()).contains("org.slf4j.impl.StaticLoggerBinder in old-binding.jar")
                .contains("provider com.acme.log.AcmeServiceProvider in new-binding.jar");
        Finding parentFirst = only(report, FindingId.PARENT_FIRST_PACKAGE);
        assertThat(parentFirst.severity()).isEqualTo(Severity.ERROR);
        assertThat(parentFirst.jar()).isEqualTo("old-binding.jar");
    }

    @Test
    void aBundledLibraryTheRuntimeAlsoHasIsAWarningNotAnError() {
        LocationReport report = inspect(fixtures.jacksonDir);
        assertThat(ids(report, Severity.ERROR)).isEmpty();
        assertThat(report.findings(FindingId.SPLIT_PACKAGE)).extracting(Finding::jar)
                .contains("jackson-databind.jar", "jackson-core.jar");
        assertThat(report.findings(FindingId.SPLIT_PACKAGE)).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
    }

    @Test
    void classesOfAJdkPackageAreAWarning() throws IOException {
        byte[] jdkClass;
        try (InputStream in = javax.xml.stream.XMLStreamReader.class.getResourceAsStream("XMLStreamReader.class")) {
            jdkClass = in.readAllBytes();
        }
        Path dir = fixtures.newFolder("jdk");
        Files.copy(fixtures.goodJar, dir.resolve("good.jar"));
        Path stax = dir.resolve("stax-api.jar");
        Path classesDir = fixtures.newFolder("jdk-classes");
        Files.createDirectories(classesDir.resolve("javax/xml/stream"));
        Files.write(classesDir.resolve("javax/xml/stream/XMLStreamReader.class"), jdkClass);
        new JarBuilder().classes(classesDir).write(stax);
        Finding f = only(inspect(dir), FindingId.JDK_PACKAGE);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.jar()).isEqualTo("stax-api.jar");
    }

    @Test
    void java21BytecodeIsAnErrorOnAJava17Runtime() {
        Optional<Path> jar = fixtures.java21Jar();
        assumeTrue(jar.isPresent(), () -> "skipped: " + fixtures.java21Missing());
        LocationReport report = inspect(jar.get());
        Finding f = only(report, FindingId.CLASS_VERSION_TOO_NEW);
        assertThat(f.message()).contains("compiled for Java 21 (class file version 65)").contains("runs Java 17 (class file version 61)");
        assertThat(f.jar()).isEqualTo("java21.jar");
        assertThat(ids(report, Severity.ERROR)).containsOnly(FindingId.CLASS_VERSION_TOO_NEW);
    }

    @Test
    void aliasesSharedAcrossLocationsAreReportedInEachAndDuplicatesToo() {
        InspectionReport report = inspector.inspect(List.of(fixtures.echoPath.resolve("echo-one.jar"),
                fixtures.echoPath.resolve("echo-two.jar"), fixtures.goodJar, fixtures.jacksonDir));
        LocationReport one = report.locations().get(0);
        Finding ambiguous = only(one, FindingId.AMBIGUOUS_ALIAS);
        assertThat(ambiguous.className()).isEqualTo("com.one.EchoConnector");
        assertThat(ambiguous.message()).contains("'Echo' and 'EchoConnector'").contains("com.two.EchoConnector");
        only(report.locations().get(1), FindingId.AMBIGUOUS_ALIAS);
        assertThat(report.locations().get(2).findings(FindingId.DUPLICATE_PLUGIN)).isNotEmpty();
        assertThat(report.locations().get(2).findings(FindingId.AMBIGUOUS_ALIAS)).isEmpty();
    }

    @Test
    void severalVersionsOfOnePluginAreNotAmbiguous() throws IOException {
        InspectionReport report = inspector.inspect(PluginLocation.locationsIn(fixtures.versionsPath.toString()));
        assertThat(report.locations()).hasSize(3).allSatisfy(l -> assertThat(l.findings()).isEmpty());
    }

    @Test
    void otherPackagingMistakesAreFound() throws IOException {
        Path dir = fixtures.newFolder("mistakes");
        new JarBuilder().contentsOf(fixtures.goodJar).service(PluginFixtures.CONVERTER, "not a class name")
                .file("lib/inner.jar", fixtures.greeterV1Jar).write(dir.resolve("plugin.jar"));
        Files.copy(fixtures.greeterV1Jar, dir.resolve("greeter-1.0.jar"));
        Files.copy(fixtures.greeterV2Jar, dir.resolve("greeter-2.0.jar"));
        LocationReport report = inspect(dir);
        assertThat(only(report, FindingId.SERVICE_ENTRY_INVALID).message()).contains("'not a class name'");
        assertThat(only(report, FindingId.NESTED_JARS).message()).contains("lib/inner.jar");
        Finding duplicates = only(report, FindingId.DUPLICATE_CLASSES);
        assertThat(duplicates.message()).contains("in both greeter-1.0.jar and greeter-2.0.jar").contains("com.acme.lib.Greeter");
    }

    @Test
    void aLocationWithoutPluginsIsAnError() {
        assertThat(only(inspect(fixtures.newFolder("empty")), FindingId.NO_PLUGINS).severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void unusableInputIsRefusedWithTheCulpritNamed() throws IOException {
        Path notThere = fixtures.newFolder("x").resolve("plugin.jar");
        assertThatThrownBy(() -> inspect(notThere)).isInstanceOf(PluginLocationException.class)
                .hasMessage(notThere + " does not exist");
        Path text = Files.writeString(fixtures.newFolder("x").resolve("plugin.txt"), "hi");
        assertThatThrownBy(() -> inspect(text)).isInstanceOf(PluginLocationException.class)
                .hasMessageContaining(text + " is not a plugin location");
        Path corrupt = Files.writeString(fixtures.newFolder("x").resolve("plugin.zip"), "hi");
        assertThatThrownBy(() -> inspect(corrupt)).isInstanceOf(PluginLocationException.class)
                .hasMessageContaining(corrupt + " is not a readable zip archive");
    }

    @Test
    void theJsonReportHasTheDocumentedShape() throws IOException {
        InspectionReport report = inspector.inspect(List.of(fixtures.goodJar, fixtures.missingClassJar));
        StringWriter out = new StringWriter();
        ReportWriter.writeJson(report, false, new PrintWriter(out));
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("javaRelease").asInt()).isEqualTo(17);
        assertThat(json.get("locations")).hasSize(2);
        JsonNode good = json.get("locations").get(0);
        assertThat(good.get("path").asText()).isEqualTo(fixtures.goodJar.toString());
        assertThat(good.get("kind").asText()).isEqualTo("jar");
        assertThat(good.get("plugins")).hasSize(6);
        assertThat(good.get("plugins").get(0).get("type").asText()).isIn("source", "sink", "converter", "header_converter",
                "transform", "predicate");
        JsonNode finding = json.get("locations").get(1).get("findings").get(0);
        assertThat(finding.get("id").asText()).isEqualTo("SERVICE_CLASS_MISSING");
        assertThat(finding.get("severity").asText()).isEqualTo("ERROR");
        assertThat(finding.get("jar").asText()).isEqualTo("missing-class.jar");
        assertThat(finding.get("class").asText()).isEqualTo("com.acme.ghost.GhostConnector");
        assertThat(finding.get("message").asText()).isNotBlank();
        assertThat(finding.get("hint").asText()).isNotBlank();
        JsonNode summary = json.get("summary");
        assertThat(summary.get("errors").asInt()).isEqualTo(1);
        assertThat(summary.get("warnings").asInt()).isZero();
        assertThat(summary.get("passed").asBoolean()).isFalse();
    }

    @Test
    void theTextReportGroupsBySeverityAndEndsWithAVerdict() {
        InspectionReport report = inspector.inspect(List.of(fixtures.unregisteredJar));
        StringWriter out = new StringWriter();
        ReportWriter.writeText(report, true, new PrintWriter(out));
        assertThat(out.toString())
                .contains("Plugin location " + fixtures.unregisteredJar + " (jar)")
                .contains("Warnings (1):")
                .contains("WARNING PLUGIN_NOT_REGISTERED  unregistered.jar  com.acme.unregistered.ForgottenConnector")
                .contains("hint: Add the line com.acme.unregistered.ForgottenConnector")
                .contains("FAILED: 1 location, 1 plugin, 0 errors, 1 warning, 0 infos (strict: warnings fail too)");
    }
}
