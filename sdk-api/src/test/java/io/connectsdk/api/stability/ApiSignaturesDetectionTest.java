package io.connectsdk.api.stability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shows that the signature snapshot catches what it claims to: removals, changes and additions. */
class ApiSignaturesDetectionTest {
    @TempDir
    Path tmp;

    @Test
    void aDeletedPublicMethodShowsAsRemoved() throws Exception {
        List<String> before = signaturesOf("v1",
                "package demo.api; public interface Plugin { String version(); void stop(); }");
        List<String> after = signaturesOf("v2",
                "package demo.api; public interface Plugin { String version(); }");

        String diff = ApiSignaturesTest.difference(new LinkedHashSet<>(before), new LinkedHashSet<>(after));

        assertThat(diff).isEqualTo("- demo.api.Plugin public abstract void demo.api.Plugin.stop()\n");
    }

    @Test
    void aChangedSignatureShowsAsRemovedAndAdded() throws Exception {
        List<String> before = signaturesOf("v1",
                "package demo.api; public class Rec { public Rec() {} public Long timestamp() { return null; } }");
        List<String> after = signaturesOf("v2",
                "package demo.api; public class Rec { public Rec() {} public long timestamp() { return 0; } }");

        String diff = ApiSignaturesTest.difference(new LinkedHashSet<>(before), new LinkedHashSet<>(after));

        assertThat(diff).contains("- demo.api.Rec public java.lang.Long demo.api.Rec.timestamp()")
                .contains("+ demo.api.Rec public long demo.api.Rec.timestamp()");
    }

    @Test
    void privateAndPackagePrivateMembersAreNotPartOfTheApi() throws Exception {
        List<String> sigs = signaturesOf("v1",
                "package demo.api; public class Rec { private int a; int b; protected int c; public Rec() {} void hidden() {} }",
                "package demo.api; class Internal { public void x() {} }");

        assertThat(sigs).containsExactlyInAnyOrder(
                "demo.api.Rec type public class demo.api.Rec",
                "demo.api.Rec public demo.api.Rec()",
                "demo.api.Rec protected int demo.api.Rec.c");
    }

    @Test
    void genericsAndDefaultMethodsAreRecorded() throws Exception {
        List<String> sigs = signaturesOf("v1",
                "package demo.api; public interface T<R extends Comparable<R>> extends java.io.Closeable {"
                        + " R apply(R r); default void close() {} }");

        assertThat(sigs).contains(
                "demo.api.T type public abstract interface demo.api.T<R extends java.lang.Comparable<R>> extends java.io.Closeable",
                "demo.api.T public abstract R demo.api.T.apply(R)",
                "demo.api.T default public default void demo.api.T.close()");
    }

    private List<String> signaturesOf(String version, String... sources) throws IOException, ClassNotFoundException {
        Path src = Files.createDirectories(tmp.resolve(version + "-src"));
        Path out = Files.createDirectories(tmp.resolve(version + "-classes"));
        String[] args = new String[sources.length + 2];
        args[0] = "-d";
        args[1] = out.toString();
        for (int i = 0; i < sources.length; i++) {
            String name = sources[i].replaceAll("(?s).*?(class|interface) (\\w+).*", "$2");
            Path file = src.resolve(name + ".java");
            Files.writeString(file, sources[i]);
            args[i + 2] = file.toString();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, args)).as("fixture compiles").isZero();
        String first = sources[0].replaceAll("(?s).*?(class|interface) (\\w+).*", "$2");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, null)) {
            return ApiSignatures.of(loader.loadClass("demo.api." + first), "demo.api");
        }
    }
}
