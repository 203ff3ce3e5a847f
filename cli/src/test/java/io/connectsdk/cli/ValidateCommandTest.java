package io.connectsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.connectsdk.runtime.plugin.fixtures.FixtureCompiler;
import io.connectsdk.runtime.plugin.fixtures.JarBuilder;
import io.connectsdk.runtime.plugin.fixtures.PluginFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValidateCommandTest {
    private final PluginFixtures fixtures = PluginFixtures.get();

    private CliRun validate(Object... args) {
        String[] all = new String[args.length + 3];
        all[0] = "validate";
        all[1] = "--extract-to";
        all[2] = fixtures.newFolder("extract").toString();
        for (int i = 0; i < args.length; i++) {
            all[i + 3] = args[i].toString();
        }
        return CliRun.of(all);
    }

    private static void assertFinding(CliRun run, int exitCode, String severityAndId, String jar, String className) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(exitCode);
        assertThat(run.out()).as(run.toString()).contains(severityAndId + "  " + jar + (className == null ? "" : "  " + className));
    }

    @Test
    void cleanPluginsPassInEveryPackaging() {
        for (Path location : List.of(fixtures.goodJar, fixtures.greeterADir, fixtures.greeterBZip, fixtures.greeterUberJar)) {
            CliRun run = validate(location);
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("Plugin location " + location).contains("PASSED: 1 location");
            assertThat(run.err()).isEmpty();
        }
    }

    @Test
    void twoPluginsWithIncompatibleLibraryVersionsValidateTogether() {
        CliRun run = validate("--plugin-path", fixtures.sideBySidePath);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("PASSED: 3 locations, 3 plugins, 0 errors");
    }

    @Test
    void eachBrokenFixtureGivesItsFindingAndExitCode1() {
        assertFinding(validate(fixtures.bundledApiJar), 1, "ERROR BUNDLED_SDK_API", "bundled-api.jar", null);
        assertFinding(validate(fixtures.missingClassJar), 1, "ERROR SERVICE_CLASS_MISSING", "missing-class.jar",
                "com.acme.ghost.GhostConnector");
        assertFinding(validate(fixtures.throwingCtorJar), 1, "ERROR CONSTRUCTOR_THROWS", "throwing-constructor.jar",
                "com.acme.boom.BoomConnector");
        assertFinding(validate(fixtures.nullVersionJar), 1, "ERROR VERSION_MISSING", "null-version.jar",
                "com.acme.nullv.NullVersionConnector");
        assertFinding(validate(fixtures.wrongTypeJar), 1, "ERROR SERVICE_CLASS_WRONG_TYPE", "wrong-type.jar",
                "com.acme.wrongtype.WrongSinkConnector");
        assertFinding(validate(fixtures.slf4jDir), 1, "ERROR PARENT_FIRST_PACKAGE", "old-binding.jar", null);
        assertFinding(validate("--timeout", "300ms", fixtures.hangingCtorJar), 1, "ERROR PLUGIN_CALL_TIMEOUT", "hanging.jar",
                "com.acme.hang.HangingConnector");
    }

    @Test
    void java21BytecodeFailsAgainstJava17() {
        Optional<Path> jar = fixtures.java21Jar();
        assumeTrue(jar.isPresent(), () -> "skipped: " + fixtures.java21Missing());
        CliRun run = validate("--java", "17", jar.get());
        assertFinding(run, 1, "ERROR CLASS_VERSION_TOO_NEW", "java21.jar", "com.acme.j21.Java21Connector");
        assertThat(run.out()).contains("compiled for Java 21 (class file version 65)");
        assertThat(validate("--java", "21", jar.get()).out()).doesNotContain("CLASS_VERSION_TOO_NEW");
    }

    @Test
    void warningsPassUnlessStrict() {
        CliRun lenient = validate(fixtures.unregisteredJar);
        assertFinding(lenient, 0, "WARNING PLUGIN_NOT_REGISTERED", "unregistered.jar", "com.acme.unregistered.ForgottenConnector");
        assertThat(lenient.out()).contains("PASSED");
        CliRun strict = validate("--strict", fixtures.unregisteredJar);
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.out()).contains("FAILED").contains("(strict: warnings fail too)");
    }

    @Test
    void theJsonReportParsesAndCarriesEveryFinding() throws IOException {
        CliRun run = validate("--format", "json", fixtures.goodJar, fixtures.missingClassJar, fixtures.unregisteredJar);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("locations")).hasSize(3);
        assertThat(json.at("/locations/0/path").asText()).isEqualTo(fixtures.goodJar.toString());
        assertThat(json.at("/locations/0/plugins")).hasSize(6);
        assertThat(json.at("/locations/0/findings")).isEmpty();
        JsonNode missing = json.at("/locations/1/findings/0");
        assertThat(missing.get("id").asText()).isEqualTo("SERVICE_CLASS_MISSING");
        assertThat(missing.get("severity").asText()).isEqualTo("ERROR");
        assertThat(missing.get("jar").asText()).isEqualTo("missing-class.jar");
        assertThat(missing.get("class").asText()).isEqualTo("com.acme.ghost.GhostConnector");
        assertThat(missing.get("hint").asText()).isNotBlank();
        assertThat(json.at("/locations/2/findings/0/id").asText()).isEqualTo("PLUGIN_NOT_REGISTERED");
        assertThat(json.at("/summary/errors").asInt()).isEqualTo(1);
        assertThat(json.at("/summary/warnings").asInt()).isEqualTo(1);
        assertThat(json.at("/summary/passed").asBoolean()).isFalse();
    }

    @Test
    void pluginCodeThatPrintsDoesNotCorruptTheJsonReport() throws IOException {
        Path classes = FixtureCompiler.compile(fixtures.newFolder("noisy").resolve("classes"),
                List.of(FixtureCompiler.apiClasspath()),
                PluginFixtures.sourceConnector("com.acme.noisy.NoisyConnector", "\"1.0.0\"", "",
                        "public NoisyConnector() { System.out.println(\"hello from the constructor\"); }", null, null));
        Path jar = new JarBuilder().classes(classes).service(PluginFixtures.SOURCE_CONNECTOR, "com.acme.noisy.NoisyConnector")
                .write(fixtures.newFolder("noisy").resolve("noisy.jar"));
        CliRun run = validate("--format", "json", jar);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(new ObjectMapper().readTree(run.out()).at("/summary/plugins").asInt()).isEqualTo(1);
    }

    @Test
    void unusableInputIsExit2WithOneLineNamingThePath() throws IOException {
        Path missing = fixtures.newFolder("cli").resolve("nope.jar");
        CliRun run = validate(missing);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("connect-sdk validate: " + missing + " does not exist" + System.lineSeparator());
        assertThat(run.out()).isEmpty();

        Path text = Files.writeString(fixtures.newFolder("cli").resolve("plugin.txt"), "hello");
        CliRun notAPlugin = validate(fixtures.goodJar, text);
        assertThat(notAPlugin.exitCode()).isEqualTo(2);
        assertThat(notAPlugin.err()).contains(text + " is not a plugin location").doesNotContain("\tat ");

        Path corrupt = Files.writeString(fixtures.newFolder("cli").resolve("plugin.zip"), "not a zip");
        CliRun broken = validate(corrupt);
        assertThat(broken.exitCode()).isEqualTo(2);
        assertThat(broken.err().lines()).singleElement().asString().contains(corrupt + " is not a readable zip archive");
    }
}
