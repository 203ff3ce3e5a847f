package io.connectsdk.testkit.conformance;

import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The JUnit extension behind the conformance suites: applies {@link ConnectorConformance#skippedChecks()}
 * (a skip needs a non-blank reason and a known check id, otherwise the check fails), records the
 * outcome of every {@link Check} and, after the class, prints the {@link ConformanceReport} to
 * standard output and writes it to {@code <report dir>/<suite class name>.txt}. It also holds the
 * broker and worker that the broker-backed checks of the class share, and closes them after it.
 *
 * <p>The report directory is the configuration parameter or system property
 * {@value #REPORT_DIR_PROPERTY} when set; otherwise {@code conformance-reports} in the build
 * directory that holds the suite's compiled test classes (normally {@code target/}); otherwise the
 * temporary directory.
 */
public final class ConformanceExtension implements BeforeEachCallback, TestWatcher, AfterAllCallback {
    /** Names the directory the reports are written to. */
    public static final String REPORT_DIR_PROPERTY = "connectsdk.conformance.reportDir";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ConformanceExtension.class);

    /** Used by JUnit. */
    public ConformanceExtension() {
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        String id = checkId(context);
        if (id == null) {
            return;
        }
        Object instance = context.getRequiredTestInstance();
        if (!(instance instanceof ConnectorConformance<?> suite)) {
            return;
        }
        ExtensionContext classContext = context.getParent().orElse(context);
        suite.sharedWorker = classContext.getStore(NAMESPACE).computeIfAbsent(SharedWorker.class, k -> new SharedWorker(),
                SharedWorker.class);
        Map<String, String> skipped = suite.skippedChecks();
        if (skipped == null) {
            throw new AssertionError("Expected skippedChecks() to return a map (empty for none), but it returned null");
        }
        Set<String> known = knownChecks(context.getRequiredTestClass());
        for (Map.Entry<String, String> e : skipped.entrySet()) {
            if (!known.contains(e.getKey())) {
                throw new AssertionError("Expected skippedChecks() to name check ids of " + context.getRequiredTestClass()
                        .getSimpleName() + ", but it names '" + e.getKey() + "'; the ids are " + known);
            }
            if (e.getValue() == null || e.getValue().isBlank()) {
                throw new AssertionError("Expected skippedChecks() to give a written reason for skipping " + e.getKey()
                        + ", but the reason is " + (e.getValue() == null ? "null" : "blank"));
            }
        }
        String reason = skipped.get(id);
        if (reason != null) {
            Assumptions.abort("skipped: " + reason.strip());
        }
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        String note = context.getTestInstance().filter(ConnectorConformance.class::isInstance)
                .map(i -> ((ConnectorConformance<?>) i).passNote).orElse(null);
        record(context, ConformanceReport.Status.PASS, note);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        record(context, ConformanceReport.Status.FAIL, String.valueOf(cause.getMessage()));
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        record(context, ConformanceReport.Status.SKIPPED, cause == null ? "" : cause.getMessage());
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        record(context, ConformanceReport.Status.SKIPPED, "disabled: " + reason.orElse("no reason given"));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        SharedWorker worker = context.getStore(NAMESPACE).remove(SharedWorker.class, SharedWorker.class);
        if (worker != null) {
            worker.close();
        }
        ConformanceReport report = context.getStore(NAMESPACE).get(ConformanceReport.class, ConformanceReport.class);
        if (report == null || report.entries().isEmpty()) {
            return;
        }
        String text = report.render();
        System.out.print(text);
        Path dir = reportDir(context);
        report.writeTo(dir.resolve(context.getRequiredTestClass().getName() + ".txt"));
    }

    private static void record(ExtensionContext context, ConformanceReport.Status status, String detail) {
        String id = checkId(context);
        if (id == null) {
            return;
        }
        ExtensionContext classContext = context.getParent().orElse(context);
        ConformanceReport report = classContext.getStore(NAMESPACE).computeIfAbsent(ConformanceReport.class,
                k -> new ConformanceReport(context.getRequiredTestClass().getName()), ConformanceReport.class);
        report.record(id, status, detail);
    }

    private static String checkId(ExtensionContext context) {
        return context.getTestMethod().map(m -> m.getAnnotation(Check.class)).map(Check::value).orElse(null);
    }

    /** @return the check ids of a suite class, sorted */
    static Set<String> knownChecks(Class<?> suiteClass) {
        Set<String> ids = new TreeSet<>();
        for (Class<?> c = suiteClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                Check check = m.getAnnotation(Check.class);
                if (check != null) {
                    ids.add(check.value());
                }
            }
        }
        return ids;
    }

    private static Path reportDir(ExtensionContext context) {
        Optional<String> configured = context.getConfigurationParameter(REPORT_DIR_PROPERTY)
                .or(() -> Optional.ofNullable(System.getProperty(REPORT_DIR_PROPERTY)));
        if (configured.isPresent() && !configured.get().isBlank()) {
            return Path.of(configured.get());
        }
        try {
            CodeSource source = context.getRequiredTestClass().getProtectionDomain().getCodeSource();
            if (source != null && source.getLocation() != null) {
                Path classes = Path.of(source.getLocation().toURI());
                if (Files.isDirectory(classes) && classes.getParent() != null) {
                    return classes.getParent().resolve("conformance-reports");
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through to the temporary directory
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "conformance-reports");
    }
}
