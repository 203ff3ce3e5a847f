package io.connectsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.connectsdk.runtime.plugin.fixtures.PluginFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PluginsListCommandTest {
    private final PluginFixtures fixtures = PluginFixtures.get();

    @Test
    void listsClassAliasesVersionTypeAndLocation() {
        CliRun run = CliRun.of("plugins", "list", "--plugin-path", fixtures.sideBySidePath.toString(), "--no-builtins",
                "--extract-to", fixtures.newFolder("extract").toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out().lines().findFirst()).hasValueSatisfying(h -> assertThat(h).matches("TYPE +CLASS +VERSION +ALIASES +LOCATION"));
        assertThat(run.out()).containsPattern("source +com\\.acme\\.a\\.GreeterAConnector +1\\.0\\.0 +GreeterAConnector,GreeterA +"
                + java.util.regex.Pattern.quote(fixtures.greeterADir.toString()));
        assertThat(run.out()).contains("com.acme.b.GreeterBConnector", fixtures.greeterBZip.toString(),
                "com.acme.uber.UberGreeterConnector", "3 plugins.");
    }

    @Test
    void jsonListsAmbiguousAliasesAsUnusable() throws IOException {
        CliRun run = CliRun.of("plugins", "list", "--plugin-path", fixtures.echoPath.toString(), "--no-builtins", "--format", "json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("plugins")).hasSize(2);
        for (JsonNode p : json.get("plugins")) {
            assertThat(p.get("type").asText()).isEqualTo("source");
            assertThat(p.get("aliases")).isEmpty();
            assertThat(p.get("location").asText()).startsWith(fixtures.echoPath.toString());
        }
        assertThat(json.get("problems")).isEmpty();
    }

    @Test
    void builtinsAreIncludedByDefault() throws IOException {
        CliRun with = CliRun.of("plugins", "list", "--plugin-path", fixtures.echoPath.toString(), "--format", "json");
        CliRun without = CliRun.of("plugins", "list", "--plugin-path", fixtures.echoPath.toString(), "--format", "json", "--no-builtins");
        JsonNode all = new ObjectMapper().readTree(with.out()).get("plugins");
        JsonNode own = new ObjectMapper().readTree(without.out()).get("plugins");
        assertThat(all.size()).isGreaterThanOrEqualTo(own.size());
        int classpath = 0;
        for (JsonNode p : all) {
            if (p.get("location").asText().equals("classpath")) {
                classpath++;
            }
        }
        assertThat(all.size() - classpath).isEqualTo(own.size());
    }

    @Test
    void brokenEntriesAreWarnedAboutOnStderr() throws IOException {
        Path dir = fixtures.newFolder("list");
        Path jar = Files.copy(fixtures.missingClassJar, dir.resolve("missing-class.jar"));
        CliRun run = CliRun.of("plugins", "list", "--plugin-path", dir.toString(), "--no-builtins");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("warning: " + jar).contains("com.acme.ghost.GhostConnector");
        assertThat(run.out()).contains("com.acme.ghost.RealConnector");
    }

    @Test
    void aMissingPluginPathDirectoryIsExit2() {
        CliRun run = CliRun.of("plugins", "list", "--plugin-path", "/no/such/dir");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("connect-sdk plugins list: plugin.path entry /no/such/dir does not exist");
    }
}
