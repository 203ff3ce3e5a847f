package io.connectsdk.testkit.assertions;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.connectsdk.testkit.cluster.KafkaCluster;
import io.connectsdk.testkit.cluster.KafkaRecord;
import io.connectsdk.testkit.cluster.TopicReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;

/**
 * The assertions shared by {@link TopicAssert} and {@link DeadLetterQueueAssert}: checks on the
 * records of a topic that wait, up to {@link #within(Duration) a bound}, for the data to arrive.
 *
 * <p>Records are read from the beginning of every partition by a consumer of a fresh group that
 * never commits; what one check read is kept, so a chain of checks reads each record once. A
 * check passes as soon as the records read so far satisfy it, and fails at once when it can no
 * longer hold (records are never removed: a topic with 101 records will not get back to 100). A
 * failure message shows what was expected, how many records were seen (per partition) and the
 * first {@value #SHOWN_RECORDS} of them with partition, offset, key, value and headers.
 *
 * <p>Keys, values and header values are compared as UTF-8 text. JSON paths are {@code id},
 * {@code $.id}, {@code customer.name}, {@code $.items[0].sku} or JSON Pointers ({@code /items/0/sku}).
 *
 * @param <SELF> the concrete assertion type
 * @param <A> the subject type
 */
public abstract class AbstractTopicAssert<SELF extends AbstractTopicAssert<SELF, A>, A> extends WaitingAssert<SELF, A> {
    /** How many records a failure message lists. */
    public static final int SHOWN_RECORDS = 10;

    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaCluster cluster;
    private final String topicName;
    private final String label;
    private List<KafkaRecord> read = List.of();
    private int partitions;

    /**
     * @param actual the subject
     * @param selfType the concrete class
     * @param cluster the cluster to read from
     * @param topicName the topic
     * @param label how messages name the subject, e.g. {@code "topic 'orders'"}
     */
    protected AbstractTopicAssert(A actual, Class<?> selfType, KafkaCluster cluster, String topicName, String label) {
        super(actual, selfType);
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.topicName = Objects.requireNonNull(topicName, "topicName");
        this.label = label;
    }

    /** The records of the topic read so far, and its partition count then. */
    public static final class Snapshot {
        private final List<KafkaRecord> records;
        private final int partitions;

        Snapshot(List<KafkaRecord> records, int partitions) {
            this.records = records;
            this.partitions = partitions;
        }

        /** @return the records read so far, in read order (offset order within a partition); unmodifiable */
        public List<KafkaRecord> records() {
            return records;
        }

        /** @return how many records were read */
        public int count() {
            return records.size();
        }

        /** @return the topic's partition count; 0 while it does not exist */
        public int partitions() {
            return partitions;
        }

        /** @return the record with the lowest offset of the lowest-numbered partition, or {@code null} */
        public KafkaRecord first() {
            return records.stream()
                    .min(Comparator.comparingInt(KafkaRecord::partition).thenComparingLong(KafkaRecord::offset))
                    .orElse(null);
        }
    }

    /**
     * Waits until the topic has exactly {@code count} records; fails at once when it has more.
     *
     * @param count the expected number of records, 0 or more
     * @return this assertion
     */
    public SELF hasRecordCount(int count) {
        return check("to have exactly " + count + " record(s)",
                s -> s.count() == count ? Verdict.MATCH : s.count() > count ? Verdict.NEVER : Verdict.NOT_YET,
                s -> null);
    }

    /**
     * Waits until the topic has at least {@code count} records.
     *
     * @param count the minimum number of records
     * @return this assertion
     */
    public SELF hasAtLeast(int count) {
        return check("to have at least " + count + " record(s)",
                s -> s.count() >= count ? Verdict.MATCH : Verdict.NOT_YET, s -> null);
    }

    /**
     * Waits until every given value (UTF-8 text) is the value of some record, in any order.
     *
     * @param values the expected values
     * @return this assertion
     */
    public SELF containsValues(String... values) {
        List<String> expected = List.of(values);
        return check("to contain the values " + expected,
                s -> missing(expected, texts(s, KafkaRecord::valueAsString)).isEmpty() ? Verdict.MATCH : Verdict.NOT_YET,
                s -> "these were missing: " + missing(expected, texts(s, KafkaRecord::valueAsString)));
    }

    /**
     * Waits until every given key (UTF-8 text) is the key of some record.
     *
     * @param keys the expected keys
     * @return this assertion
     */
    public SELF containsKeys(String... keys) {
        List<String> expected = List.of(keys);
        return check("to contain the keys " + expected,
                s -> missing(expected, texts(s, KafkaRecord::keyAsString)).isEmpty() ? Verdict.MATCH : Verdict.NOT_YET,
                s -> "these were missing: " + missing(expected, texts(s, KafkaRecord::keyAsString)));
    }

    /**
     * Waits until some record has a header {@code key} whose (last) value is {@code value}.
     *
     * @param key the header key
     * @param value the expected UTF-8 value; {@code null} for a header with a null value
     * @return this assertion
     */
    public SELF hasHeader(String key, String value) {
        return check("to have a record with header " + key + "=" + value,
                s -> s.records().stream().anyMatch(r -> r.hasHeader(key) && Objects.equals(r.header(key), value))
                        ? Verdict.MATCH : Verdict.NOT_YET,
                s -> "values of header '" + key + "' seen: " + s.records().stream().filter(r -> r.hasHeader(key))
                        .map(r -> r.header(key)).distinct().limit(SHOWN_RECORDS).collect(Collectors.toList()));
    }

    /**
     * Waits for a first record, then checks that every record read has a header {@code key}.
     *
     * @param key the header key
     * @return this assertion
     */
    public SELF allRecordsHaveHeader(String key) {
        return allRecordsSatisfy(r -> r.hasHeader(key), "have header '" + key + "'");
    }

    /**
     * Waits until some record satisfies the condition.
     *
     * @param condition the condition
     * @param description what it means, for the failure message, e.g. {@code "has a negative amount"}
     * @return this assertion
     */
    public SELF anyRecordSatisfies(Predicate<? super KafkaRecord> condition, String description) {
        return check("to have a record that " + description,
                s -> s.records().stream().anyMatch(condition) ? Verdict.MATCH : Verdict.NOT_YET,
                s -> "none of its records does");
    }

    /**
     * Waits for a first record, then checks that every record read satisfies the condition;
     * fails at once on the first record that does not.
     *
     * @param condition the condition
     * @param description what it means, completing "every record to ...", e.g. {@code "have a key"}
     * @return this assertion
     */
    public SELF allRecordsSatisfy(Predicate<? super KafkaRecord> condition, String description) {
        return check("to have records that all " + description,
                s -> s.count() == 0 ? Verdict.NOT_YET
                        : s.records().stream().allMatch(condition) ? Verdict.MATCH : Verdict.NEVER,
                s -> s.count() == 0 ? null : "these records do not: " + lines(s.records().stream()
                        .filter(condition.negate()).limit(SHOWN_RECORDS).collect(Collectors.toList())));
    }

    /**
     * Waits for a first record, then checks that within each partition the records are in
     * non-decreasing order of the extracted key (Kafka orders records only within a partition).
     * Chain it after a count check to check all the records you expect.
     *
     * @param extractor the sort key of a record, e.g. {@code r -> Long.parseLong(r.header("seq"))}
     * @param <C> the key type
     * @return this assertion
     */
    public <C extends Comparable<? super C>> SELF isOrderedPerPartitionBy(Function<? super KafkaRecord, ? extends C> extractor) {
        return check("to have its records ordered within each partition",
                s -> s.count() == 0 ? Verdict.NOT_YET : outOfOrder(s, extractor) == null ? Verdict.MATCH : Verdict.NEVER,
                s -> s.count() == 0 ? null : outOfOrder(s, extractor));
    }

    /**
     * Waits until every given value is present, then checks that values that share a partition
     * appear in the given order there (the first occurrence of each counts).
     *
     * @param values the values, in their expected order
     * @return this assertion
     */
    public SELF valuesInOrder(String... values) {
        List<String> expected = List.of(values);
        return check("to contain the values " + expected + " in this order within each partition",
                s -> !missing(expected, texts(s, KafkaRecord::valueAsString)).isEmpty() ? Verdict.NOT_YET
                        : valuesOutOfOrder(s, expected) == null ? Verdict.MATCH : Verdict.NEVER,
                s -> {
                    List<String> missing = missing(expected, texts(s, KafkaRecord::valueAsString));
                    return !missing.isEmpty() ? "these were missing: " + missing : valuesOutOfOrder(s, expected);
                });
    }

    /**
     * Waits for a first record, then checks that every record's value is JSON with the field at
     * {@code path} satisfying {@code condition}; fails at once on the first record that does not.
     *
     * @param path the field, e.g. {@code "id"}, {@code "$.customer.id"}, {@code "$.items[0].sku"}
     * @param condition tested on the field's node (never a missing node)
     * @return this assertion
     */
    public SELF allValuesSatisfyJson(String path, Predicate<? super JsonNode> condition) {
        return allValuesSatisfyJson(path, "satisfy the condition", condition);
    }

    /**
     * {@link #allValuesSatisfyJson(String, Predicate)} with a description for the failure message.
     *
     * @param path the field
     * @param description what the condition means, e.g. {@code "be a positive number"}
     * @param condition tested on the field's node
     * @return this assertion
     */
    public SELF allValuesSatisfyJson(String path, String description, Predicate<? super JsonNode> condition) {
        JsonPointer pointer = JsonPaths.compile(path);
        return check("to have JSON values whose " + path + " all " + description,
                s -> s.count() == 0 ? Verdict.NOT_YET : firstJsonFailure(s, pointer, condition) == null ? Verdict.MATCH : Verdict.NEVER,
                s -> s.count() == 0 ? null : firstJsonFailure(s, pointer, condition));
    }

    /**
     * Waits until some record's value is JSON whose field at {@code path} equals {@code expected}
     * (numbers compared by value, e.g. {@code 1} equals {@code 1.0}).
     *
     * @param path the field
     * @param expected a string, number, boolean, {@code null}, or anything Jackson maps to JSON
     * @return this assertion
     */
    public SELF containsJsonValue(String path, Object expected) {
        JsonPointer pointer = JsonPaths.compile(path);
        return check("to have a JSON value whose " + path + " is " + expected,
                s -> s.records().stream().anyMatch(r -> {
                    JsonNode n = JsonPaths.parse(r.valueAsString());
                    return n != null && JsonPaths.matches(n.at(pointer), expected);
                }) ? Verdict.MATCH : Verdict.NOT_YET,
                s -> "values seen at " + path + ": " + s.records().stream().map(r -> {
                    JsonNode n = JsonPaths.parse(r.valueAsString());
                    return n == null ? "(not JSON)" : n.at(pointer).isMissingNode() ? "(missing)" : n.at(pointer).toString();
                }).distinct().limit(SHOWN_RECORDS).collect(Collectors.toList()));
    }

    /**
     * Reads the topic for the whole {@code period} and fails as soon as a record appears.
     *
     * @param period how long the topic must stay empty
     * @return this assertion
     */
    public SELF isEmptyFor(Duration period) {
        Objects.requireNonNull(period, "period");
        withReader(reader -> awaitHoldsFor(label + " to stay empty", period, () -> probe(reader),
                s -> s.count() == 0, s -> describe(s, null)));
        return myself;
    }

    /**
     * @return an AssertJ list assertion on the records read so far (after reading what is
     *     available now); chain it after a waiting check, e.g.
     *     {@code hasRecordCount(3).records().extracting(KafkaRecord::keyAsString).containsExactly("a", "b", "c")}
     */
    public ListAssert<KafkaRecord> records() {
        withReader(this::probe);
        return Assertions.assertThat(read).as("records of %s", label);
    }

    /** @return an AssertJ list assertion on the UTF-8 values read so far, like {@link #records()} */
    public ListAssert<String> values() {
        withReader(this::probe);
        return Assertions.assertThat(read.stream().map(KafkaRecord::valueAsString).collect(Collectors.toList()))
                .as("values of %s", label);
    }

    /**
     * Runs a waiting check: the extension point of subclasses.
     *
     * @param expectation completes "Expecting &lt;subject&gt; ...", e.g. {@code "to have 3 records"}
     * @param judge the verdict on a snapshot
     * @param detail an explanation of a failing snapshot put before the records, or {@code null}
     * @return this assertion
     */
    protected SELF check(String expectation, Function<Snapshot, Verdict> judge, Function<Snapshot, String> detail) {
        withReader(reader -> awaitVerdict(label + " " + expectation, () -> probe(reader), judge,
                s -> describe(s, detail.apply(s))));
        return myself;
    }

    /** @return the records read so far by this assertion object */
    protected Snapshot snapshot() {
        return new Snapshot(read, partitions);
    }

    private <X> X withReader(Function<TopicReader, X> body) {
        isNotNull();
        try (TopicReader reader = new TopicReader(cluster.bootstrapServers(), topicName, read)) {
            return body.apply(reader);
        }
    }

    private Snapshot probe(TopicReader reader) {
        reader.poll(POLL);
        read = reader.records();
        partitions = reader.partitionCount();
        return snapshot();
    }

    private String describe(Snapshot s, String detail) {
        StringBuilder sb = new StringBuilder();
        if (detail != null) {
            sb.append(detail).append(";\n");
        }
        if (s.partitions() == 0 && s.count() == 0) {
            return sb.append(label).append(" does not exist (no partitions found)").toString();
        }
        sb.append("it had ").append(s.count()).append(" record(s)");
        if (s.partitions() > 1) {
            Map<Integer, Long> per = new TreeMap<>();
            for (int p = 0; p < s.partitions(); p++) {
                per.put(p, 0L);
            }
            s.records().forEach(r -> per.merge(r.partition(), 1L, Long::sum));
            sb.append(" (per partition: ").append(per.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "))).append(')');
        }
        if (s.count() > 0) {
            List<KafkaRecord> shown = s.records().subList(0, Math.min(SHOWN_RECORDS, s.count()));
            sb.append(s.count() > SHOWN_RECORDS ? ", the first " + SHOWN_RECORDS + ":" : ":").append(lines(shown));
        }
        return sb.toString();
    }

    static String lines(List<KafkaRecord> records) {
        StringBuilder sb = new StringBuilder();
        for (KafkaRecord r : records) {
            sb.append("\n  ").append(r);
        }
        return sb.toString();
    }

    private static List<String> texts(Snapshot s, Function<KafkaRecord, String> f) {
        return s.records().stream().map(f).collect(Collectors.toList());
    }

    private static List<String> missing(List<String> expected, List<String> seen) {
        Set<String> present = new LinkedHashSet<>(seen);
        List<String> missing = new ArrayList<>();
        for (String e : expected) {
            if (!present.contains(e)) {
                missing.add(e);
            }
        }
        return missing;
    }

    private static <C extends Comparable<? super C>> String outOfOrder(Snapshot s, Function<? super KafkaRecord, ? extends C> key) {
        Map<Integer, KafkaRecord> previous = new HashMap<>();
        Map<Integer, C> previousKey = new HashMap<>();
        for (KafkaRecord r : s.records()) {
            C k = key.apply(r);
            C before = previousKey.get(r.partition());
            if (before != null && k != null && k.compareTo(before) < 0) {
                KafkaRecord p = previous.get(r.partition());
                return "in partition " + r.partition() + ", offset " + r.offset() + " (key " + k + ") comes after offset "
                        + p.offset() + " (key " + before + "):\n  " + p + "\n  " + r;
            }
            previous.put(r.partition(), r);
            previousKey.put(r.partition(), k);
        }
        return null;
    }

    private static String valuesOutOfOrder(Snapshot s, List<String> expected) {
        Map<String, KafkaRecord> firstOf = new LinkedHashMap<>();
        for (KafkaRecord r : s.records()) {
            firstOf.putIfAbsent(r.valueAsString(), r);
        }
        Map<Integer, KafkaRecord> lastInPartition = new HashMap<>();
        Map<Integer, String> lastValue = new HashMap<>();
        for (String v : expected) {
            KafkaRecord r = firstOf.get(v);
            KafkaRecord prev = lastInPartition.get(r.partition());
            if (prev != null && r.offset() < prev.offset()) {
                return "in partition " + r.partition() + ", '" + v + "' (offset " + r.offset() + ") comes before '"
                        + lastValue.get(r.partition()) + "' (offset " + prev.offset() + ")";
            }
            lastInPartition.put(r.partition(), r);
            lastValue.put(r.partition(), v);
        }
        return null;
    }

    private static String firstJsonFailure(Snapshot s, JsonPointer pointer, Predicate<? super JsonNode> condition) {
        for (KafkaRecord r : s.records()) {
            JsonNode n = JsonPaths.parse(r.valueAsString());
            String why;
            if (n == null) {
                why = "its value is not JSON";
            } else if (n.at(pointer).isMissingNode()) {
                why = "its value has no field " + pointer;
            } else {
                boolean ok;
                try {
                    ok = condition.test(n.at(pointer));
                } catch (RuntimeException e) {
                    ok = false;
                }
                why = ok ? null : "its field " + pointer + " is " + n.at(pointer);
            }
            if (why != null) {
                return "record " + r.topic() + "-" + r.partition() + "@" + r.offset() + " does not: " + why + ":\n  " + r;
            }
        }
        return null;
    }
}
