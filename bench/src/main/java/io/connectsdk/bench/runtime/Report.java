package io.connectsdk.bench.runtime;

import io.connectsdk.bench.runtime.RuntimeBench.Options;
import io.connectsdk.bench.runtime.RuntimeBench.Sample;
import io.connectsdk.bench.runtime.RuntimeBench.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** Renders the runtime benchmark's results as Markdown and writes them into docs/benchmarks.md. */
final class Report {
    private Report() {
    }

    static String render(Options o, List<Sample> samples, double totalS, String loadBefore, String loadAfter) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "### Run of %s%n%n",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))));
        b.append(String.format(Locale.ROOT, "- machine: %d cores (%s), Java %s (%s); load average before / after: %s / %s%n",
                Runtime.getRuntime().availableProcessors(), cpuModel(), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), loadBefore, loadAfter));
        b.append(String.format(Locale.ROOT, "- command: `bench/run-runtime-bench.sh --records %d --record-size %d --runs %d%s`"
                        + " (whole benchmark: %.0f s, broker start and pre-fill included)%n",
                o.records, o.recordSize, o.runs, extraFlags(o), totalS));
        b.append(String.format(Locale.ROOT, "- workload: N = %,d records per contender and scenario, values of %d bytes, no key, "
                + "%d partition(s); %d run(s), %s%n", o.records, o.recordSize, o.partitions, o.runs,
                o.runs > 1 ? "table shows the median (min–max)" : "one sample each"));
        b.append("- every contender in a fresh JVM; the broker in a JVM of its own. ").append(o.jvmFlags.describe()).append('\n');
        b.append("- settings, identical for every contender (raw client properties = the workers' `producer.*` / "
                + "`consumer.*`):\n");
        for (String s : o.settings) {
            if (o.modes.contains("source")) {
                b.append("  - producer `").append(s).append("`: ").append(props(Workload.producerSettings(s))).append('\n');
            }
        }
        if (o.modes.contains("sink")) {
            b.append("  - consumer: ").append(props(Workload.consumerSettings()))
                    .append(", a new consumer group per contender and run\n");
        }
        b.append("  - both workers: `key.converter` = StringConverter, `value.converter` = StringConverter or JsonConverter, "
                + "`*.converter.schemas.enable=false`, `offset.flush.interval.ms=10000`, `tasks.max=1`, "
                + "REST listener `http://127.0.0.1:0`, source tasks return 500 records per `poll()`; "
                + "Kafka Connect with `plugin.discovery=service_load`\n\n");

        List<Scenario> scenarios = new ArrayList<>(new LinkedHashSet<>(
                samples.stream().map(s -> s.scenario).collect(Collectors.toList())));
        Set<String> contenders = new LinkedHashSet<>();
        for (String c : RuntimeBench.CONTENDERS) {
            if (o.contenders.contains(c)) {
                contenders.add(c);
            }
        }
        b.append("| scenario | contender | records/s | MB/s | JVM start → first record (ms) | peak RSS (MB) "
                + "| CPU µs / record | CPU s (whole JVM) | GC count / ms |\n");
        b.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Scenario sc : scenarios) {
            for (String c : contenders) {
                List<Sample> ss = okSamples(samples, sc, c);
                if (ss.isEmpty() && !ran(samples, sc, c)) {
                    continue;
                }
                if (ss.isEmpty()) {
                    b.append("| ").append(sc.label()).append(" | ").append(name(c)).append(" | failed: ")
                            .append(failure(samples, sc, c)).append(" | | | | | | |\n");
                    continue;
                }
                b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", sc.label(), name(c),
                        stat(ss, s -> s.recordsPerSec, "%,.0f"),
                        stat(ss, s -> s.recordsPerSec * o.recordSize / 1e6, "%.1f"),
                        stat(ss, s -> s.jvmToFirstMs, "%,.0f"),
                        stat(ss, s -> s.hwmMb, "%,.0f"),
                        stat(ss, s -> s.cpuPerRecordUs, "%.1f"),
                        stat(ss, s -> s.cpuMs / 1000.0, "%.1f"),
                        String.format(Locale.ROOT, "%.0f / %.0f", median(ss, s -> s.gcCount), median(ss, s -> s.gcMs))));
            }
        }
        b.append('\n');
        if (contenders.contains("ours")) {
            b.append("Ratios of medians (goals from issue #5 in brackets; ✔ met, ✘ missed):\n\n");
            b.append("| scenario | records/s ours / Connect [≥ 1.10] | records/s ours / raw [≥ 0.95] "
                    + "| first record ours / Connect [≤ 0.50] | peak RSS ours / Connect [≤ 0.50] "
                    + "| CPU per record ours / Connect | CPU per record ours / raw "
                    + "| records/s ours / raw + decoding (reference) |\n");
            b.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
            for (Scenario sc : scenarios) {
                List<Sample> ours = okSamples(samples, sc, "ours");
                List<Sample> connect = okSamples(samples, sc, "connect");
                List<Sample> raw = okSamples(samples, sc, "raw");
                b.append("| ").append(sc.label()).append(" | ")
                        .append(ratio(ours, connect, s -> s.recordsPerSec, 1.10, true)).append(" | ")
                        .append(ratio(ours, raw, s -> s.recordsPerSec, 0.95, true)).append(" | ")
                        .append(ratio(ours, connect, s -> s.jvmToFirstMs, 0.50, false)).append(" | ")
                        .append(ratio(ours, connect, s -> s.hwmMb, 0.50, false)).append(" | ")
                        .append(plainRatio(ours, connect, s -> s.cpuPerRecordUs)).append(" | ")
                        .append(plainRatio(ours, raw, s -> s.cpuPerRecordUs)).append(" | ")
                        .append(plainRatio(ours, okSamples(samples, sc, "rawdecode"), s -> s.recordsPerSec)).append(" |\n");
            }
            b.append('\n');
        }
        b.append("Start-up and memory detail (medians). Times in ms after JVM start: `main()` entered, worker and "
                + "connector started (raw: client created), first record as seen inside the contender (source: first ack "
                + "in `commitRecord` / the producer callback; sink: first `put` / `poll`). Memory at the end: committed "
                + "heap and non-heap (metaspace, code cache) in MB, classes loaded, threads:\n\n");
        b.append("| scenario | contender | main | started | first record | heap | non-heap | classes | threads |\n"
                + "|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Scenario sc : scenarios) {
            for (String c : contenders) {
                List<Sample> ss = okSamples(samples, sc, c);
                if (!ss.isEmpty()) {
                    b.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f |%n",
                            sc.label(), name(c), median(ss, s -> s.jvmToMainMs), median(ss, s -> s.jvmToStartedMs),
                            median(ss, s -> s.jvmToFirstClientMs), median(ss, s -> s.heapCommittedMb),
                            median(ss, s -> s.nonHeapCommittedMb), median(ss, s -> s.classes), median(ss, s -> s.threads)));
                }
            }
        }
        b.append("\nWhere the CPU goes (medians): CPU time in ms of the contender JVM's threads between the first and the "
                + "N-th record (the records/s window), from /proc/self/task, by group: *app* = the task thread (raw: the "
                + "producer loop / the polling main thread), *client I/O* = the producer's network thread and the "
                + "consumer's heartbeat / background threads, *JIT* = the C1 and C2 compiler threads, *GC + VM* = the VM "
                + "thread (where the serial collector runs) and GC threads, *other* = the rest (REST, herder, offset "
                + "commits); *window* = the window's wall time. App CPU / record is the task thread's µs per record.\n\n");
        b.append("| scenario | contender | window | app | client I/O | JIT | GC + VM | other | app µs / record |\n"
                + "|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Scenario sc : scenarios) {
            for (String c : contenders) {
                List<Sample> ss = okSamples(samples, sc, c);
                if (!ss.isEmpty()) {
                    b.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.2f |%n",
                            sc.label(), name(c), median(ss, s -> s.windowMs),
                            median(ss, s -> s.threadCpuMs.get("app")), median(ss, s -> s.threadCpuMs.get("io")),
                            median(ss, s -> s.threadCpuMs.get("jit")), median(ss, s -> s.threadCpuMs.get("gc")),
                            median(ss, s -> s.threadCpuMs.get("other")),
                            median(ss, s -> s.appCpuPerRecordUs)));
                }
            }
        }
        List<String> notes = new ArrayList<>();
        for (Sample s : samples) {
            for (String n : s.notes) {
                notes.add(s.scenario.label() + ", " + name(s.contender) + ", run " + s.run + ": " + n);
            }
            if (!s.ok) {
                notes.add(s.scenario.label() + ", " + name(s.contender) + ", run " + s.run + " failed: " + s.error);
            }
        }
        if (!notes.isEmpty()) {
            b.append("\nAnomalies:\n\n");
            notes.forEach(n -> b.append("- ").append(n).append('\n'));
        }
        return b.toString();
    }

    private static String extraFlags(Options o) {
        StringBuilder b = new StringBuilder();
        if (!o.settings.equals(List.of(Workload.DEFAULTS, Workload.TUNED))) {
            b.append(" --settings ").append(String.join(",", o.settings));
        }
        if (!o.formats.equals(List.of(Workload.STRING, Workload.JSON))) {
            b.append(" --formats ").append(String.join(",", o.formats));
        }
        if (!o.modes.equals(List.of("source", "sink"))) {
            b.append(" --modes ").append(String.join(",", o.modes));
        }
        if (!o.contenders.equals(RuntimeBench.CONTENDERS)) {
            b.append(" --contenders ").append(String.join(",", o.contenders));
        }
        if (o.partitions != 1) {
            b.append(" --partitions ").append(o.partitions);
        }
        if (!o.jvm.equals(JvmFlags.LAUNCHER)) {
            b.append(" --jvm ").append(o.jvm);
            if (!o.xmx.equals("1g")) {
                b.append(" --xmx ").append(o.xmx);
            }
        }
        if (o.maxOutstanding > 0) {
            b.append(" --max-outstanding ").append(o.maxOutstanding);
        }
        if (!o.jfr.isEmpty()) {
            b.append(" --jfr ").append(String.join(",", o.jfr));
        }
        return b.toString();
    }

    private static String name(String contender) {
        switch (contender) {
            case "ours":
                return "connect-sdk";
            case "connect":
                return "Kafka Connect 4.4";
            case "rawdecode":
                return "raw client + decoding";
            default:
                return "raw client";
        }
    }

    private static boolean ran(List<Sample> samples, Scenario sc, String contender) {
        return samples.stream().anyMatch(s -> s.scenario.equals(sc) && s.contender.equals(contender));
    }

    private static String props(Map<String, String> m) {
        return m.entrySet().stream().map(e -> "`" + e.getKey() + "=" + e.getValue() + "`").collect(Collectors.joining(", "));
    }

    private static List<Sample> okSamples(List<Sample> samples, Scenario sc, String contender) {
        return samples.stream().filter(s -> s.ok && s.scenario.equals(sc) && s.contender.equals(contender))
                .collect(Collectors.toList());
    }

    private static String failure(List<Sample> samples, Scenario sc, String contender) {
        return samples.stream().filter(s -> s.scenario.equals(sc) && s.contender.equals(contender))
                .map(s -> String.valueOf(s.error)).findFirst().orElse("not run");
    }

    static double median(List<Sample> ss, ToDoubleFunction<Sample> f) {
        double[] v = ss.stream().mapToDouble(f).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String stat(List<Sample> ss, ToDoubleFunction<Sample> f, String fmt) {
        String med = String.format(Locale.ROOT, fmt, median(ss, f));
        if (ss.size() < 2) {
            return med;
        }
        double min = ss.stream().mapToDouble(f).min().orElse(Double.NaN);
        double max = ss.stream().mapToDouble(f).max().orElse(Double.NaN);
        return med + " (" + String.format(Locale.ROOT, fmt, min) + "–" + String.format(Locale.ROOT, fmt, max) + ")";
    }

    private static String ratio(List<Sample> a, List<Sample> b, ToDoubleFunction<Sample> f, double goal, boolean atLeast) {
        if (a.isEmpty() || b.isEmpty()) {
            return "n/a";
        }
        double r = median(a, f) / median(b, f);
        boolean met = atLeast ? r >= goal : r <= goal;
        return String.format(Locale.ROOT, "%.2f %s", r, met ? "✔" : "✘");
    }

    private static String plainRatio(List<Sample> a, List<Sample> b, ToDoubleFunction<Sample> f) {
        if (a.isEmpty() || b.isEmpty()) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.2f", median(a, f) / median(b, f));
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    /** What the section says about the method, above the generated results. */
    static String describeMethod() {
        return String.join("\n",
                "What is measured (`io.connectsdk.bench.runtime.RuntimeBench`): the same workload on connect-sdk's",
                "standalone worker (`connect-sdk standalone worker.properties connector.properties`, run in-process through",
                "the CLI's `Main.execute`: REST, plugin discovery, cluster id lookup, worker), on Apache",
                "Kafka Connect 4.4.0's standalone worker (`ConnectStandalone`: `startConnect` + `processExtraArgs`, as",
                "`connect-standalone.sh worker.properties connector.properties` runs it, `plugin.discovery=service_load`)",
                "and on the raw Kafka clients with the same settings, against one embedded KRaft broker (its own JVM),",
                "every contender in a fresh JVM:",
                "",
                "- **source**: a task emits N records as fast as the worker takes them (`poll()` returns 500 at a time);",
                "  the raw contender is a `KafkaProducer` sending the same bytes. Records/s = (N − 1) / (time from the",
                "  first to the N-th producer acknowledgement), counted in the task's `commitRecord` (both workers call it",
                "  after the ack) or the producer callback. *JVM start → first record* = the broker's `LogAppendTime` of",
                "  the topic's first record (the topics use `message.timestamp.type=LogAppendTime`) minus the contender",
                "  JVM's start time (`RuntimeMXBean.getStartTime()`), one clock for all three.",
                "- **sink**: a topic pre-filled once with N records per format; each contender consumes all N in a new",
                "  consumer group into a no-op sink (`put` only counts) or, raw, a `KafkaConsumer.poll` loop. A fourth",
                "  contender, *raw client + decoding*, is a reference and no goal: the same loop, also decoding each value",
                "  as a sink task gets it (a `String`; for JSON a map parsed by Jackson's `ObjectMapper`).",
                "  Records/s = records after the first batch / (time from the first to the last `put` / `poll`);",
                "  *JVM start → first record* = the first non-empty `put` / `poll`.",
                "- **values**: `record-<i>-xxx…` (StringConverter) or the struct `{id, name, payload}` written by",
                "  JsonConverter with `schemas.enable=false` as `{\"id\":…,\"name\":\"record-<i>\",\"payload\":\"xxx…\"}`, padded",
                "  to exactly the record size (checked on the first record of every source topic); the raw clients",
                "  send/pre-fill the same bytes. MB/s = records/s × value size / 10⁶.",
                "- **peak RSS** = `VmHWM` of the contender's JVM at the end. **CPU µs / record** = CPU time of the whole",
                "  contender JVM (every thread: task, client I/O, JIT compilers, GC) between the first and the N-th record",
                "  (the window of records/s), per record: less sensitive to other load on the machine than records/s.",
                "- **JVM options**: by default (`--jvm launcher`) each worker runs with the options of its own launcher",
                "  (ours: the defaults in `bin/connect-sdk`, read from the script; Kafka Connect: `connect-standalone.sh`'s",
                "  `-Xms256M -Xmx2G` and `kafka-run-class.sh`'s G1 options), the raw clients with ours;",
                "  `--jvm identical [--xmx 1g]` runs all three with the same heap limit and the JVM's defaults.",
                "",
                "Goals (issue #5): source and sink records/s ≥ 1.1× Kafka Connect and ≥ 0.95× the raw client; JVM",
                "start to first record ≤ 0.5× Kafka Connect's; peak RSS ≤ 0.5× Kafka Connect's. The command builds",
                "the bench and rewrites this section down to the end marker below; the notes after the marker are",
                "written by hand.");
    }

    /**
     * Puts {@code table} between this benchmark's markers in its section of {@code docs},
     * creating the file, the section or the markers when missing; nothing else in the file changes.
     */
    static void writeSection(Path docs, String table) throws IOException {
        String text = Files.exists(docs) ? Files.readString(docs, StandardCharsets.UTF_8)
                : "# Benchmarks\n\nMeasured on the project's machine kind (2 cores, 24 GiB, Java 17) unless a section says "
                        + "otherwise.\nEach section names the command that produced its figures.\n";
        String block = RuntimeBench.BEGIN + "\n\n" + table.trim() + "\n\n" + RuntimeBench.END;
        int begin = text.indexOf(RuntimeBench.BEGIN);
        int end = text.indexOf(RuntimeBench.END);
        String updated;
        int headingAt = text.indexOf(RuntimeBench.HEADING);
        if (begin >= 0 && end > begin && headingAt >= 0 && headingAt < begin) {
            // the method text between the heading and the markers is generated too; notes after the end marker are kept
            int afterHeading = headingAt + RuntimeBench.HEADING.length();
            updated = text.substring(0, afterHeading) + "\n\n" + describeMethod() + "\n\n" + block
                    + text.substring(end + RuntimeBench.END.length());
        } else if (begin >= 0 && end > begin) {
            updated = text.substring(0, begin) + block + text.substring(end + RuntimeBench.END.length());
        } else {
            int heading = text.indexOf(RuntimeBench.HEADING);
            if (heading >= 0) {
                int after = text.indexOf('\n', heading);
                after = after < 0 ? text.length() : after + 1;
                updated = text.substring(0, after) + "\n" + block + "\n" + text.substring(after);
            } else {
                StringBuilder b = new StringBuilder(text);
                if (!text.endsWith("\n")) {
                    b.append('\n');
                }
                b.append('\n').append(RuntimeBench.HEADING).append("\n\n").append(describeMethod()).append("\n\n")
                        .append(block).append('\n');
                updated = b.toString();
            }
        }
        Path tmp = docs.resolveSibling(docs.getFileName() + ".runtime-bench.tmp");
        Files.writeString(tmp, updated, StandardCharsets.UTF_8);
        Files.move(tmp, docs, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
