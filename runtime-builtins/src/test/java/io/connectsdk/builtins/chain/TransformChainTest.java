package io.connectsdk.builtins.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaBuilder;
import io.connectsdk.api.data.Struct;
import io.connectsdk.api.errors.ConnectException;
import io.connectsdk.api.errors.DataException;
import io.connectsdk.api.errors.RetriableException;
import io.connectsdk.api.header.Header;
import io.connectsdk.api.sink.SinkRecord;
import io.connectsdk.api.source.SourceRecord;
import io.connectsdk.builtins.predicates.TopicNameMatches;
import io.connectsdk.builtins.transforms.InsertField;
import io.connectsdk.builtins.transforms.MaskField;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransformChainTest {
    private static final String TAG = TagTransform.class.getName();
    private static final PluginResolver RESOLVER = new DefaultPluginResolver(TransformChainTest.class.getClassLoader());

    private static Map<String, String> config(String... keyValues) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("name", "my-connector");
        config.put("connector.class", "SomeConnector");
        for (int i = 0; i < keyValues.length; i += 2) {
            config.put(keyValues[i], keyValues[i + 1]);
        }
        return config;
    }

    private static TransformChain<SinkRecord> chain(String... keyValues) {
        return TransformChain.fromConfig(config(keyValues), RESOLVER);
    }

    private static SinkRecord sink(String topic) {
        return new SinkRecord(topic, 3, null, null, null, Map.of("a", 1), 42L);
    }

    private static String trail(SinkRecord record) {
        Header h = record.headers().lastWithName("trail");
        return h == null ? "" : (String) h.value();
    }

    @Test
    void appliesTransformsInTheListedOrderWithTheirOwnConfig() {
        TransformChain<SinkRecord> chain = chain("transforms", " b , a,c",
                "transforms.a.type", TAG, "transforms.a.tag", "A",
                "transforms.b.type", TAG, "transforms.b.tag", "B",
                "transforms.c.type", TAG, "transforms.c.tag", "C", "transforms.c.extra", "x");
        assertThat(chain.stages()).extracting(TransformChain.Stage::alias).containsExactly("b", "a", "c");
        assertThat(trail(chain.apply(sink("t")))).isEqualTo("BAC");

        TagTransform<?> c = (TagTransform<?>) chain.stages().get(2).transform();
        assertThat(c.configured).containsOnly(Map.entry("type", TAG), Map.entry("tag", "C"), Map.entry("extra", "x"));
    }

    @Test
    void noTransformsMeansTheRecordPassesUnchanged() {
        SinkRecord record = sink("t");
        assertThat(chain().apply(record)).isSameAs(record);
        assertThat(chain("transforms", "").isEmpty()).isTrue();
    }

    @Test
    void aDroppedRecordStopsTheChain() {
        TransformChain<SinkRecord> chain = chain("transforms", "first,drop,last",
                "transforms.first.type", TAG, "transforms.first.tag", "1",
                "transforms.drop.type", "Filter",
                "transforms.last.type", TAG, "transforms.last.tag", "3");
        assertThat(chain.apply(sink("t"))).isNull();
        assertThat(((TagTransform<?>) chain.stages().get(0).transform()).applied).isEqualTo(1);
        assertThat(((TagTransform<?>) chain.stages().get(2).transform()).applied).isZero();
    }

    @Test
    void predicatesSelectTheRecordsAndNegateInvertsThem() {
        TransformChain<SinkRecord> chain = chain("transforms", "onlyOrders,notOrders,dropTombstones",
                "transforms.onlyOrders.type", TAG, "transforms.onlyOrders.tag", "O", "transforms.onlyOrders.predicate", "isOrders",
                "transforms.notOrders.type", TAG, "transforms.notOrders.tag", "N", "transforms.notOrders.predicate", "isOrders",
                "transforms.notOrders.negate", "true",
                "transforms.dropTombstones.type", "Filter", "transforms.dropTombstones.predicate", "tomb",
                "predicates", "isOrders,tomb",
                "predicates.isOrders.type", "TopicNameMatches", "predicates.isOrders.pattern", "orders.*",
                "predicates.tomb.type", "RecordIsTombstone");
        assertThat(trail(chain.apply(sink("orders-1")))).isEqualTo("O");
        assertThat(trail(chain.apply(sink("users")))).isEqualTo("N");
        assertThat(chain.apply(new SinkRecord("orders", 0, null, null, null, null, 1L))).isNull();
        assertThat(chain.stages().get(0).predicate()).isInstanceOf(TopicNameMatches.class);
        assertThat(chain.stages().get(0).predicate()).isSameAs(chain.stages().get(1).predicate());
        assertThat(chain.stages().get(1).negate()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "io.connectsdk.builtins.transforms.MaskField$Value",
        "io.connectsdk.builtins.transforms.MaskField.Value",
        "MaskField$Value",
        "org.apache.kafka.connect.transforms.MaskField$Value",
    })
    void nestedTransformsAreFoundByEveryNameKafkaAndWeAccept(String type) {
        TransformChain<SinkRecord> chain = chain("transforms", "m", "transforms.m.type", type, "transforms.m.fields", "a");
        assertThat(chain.stages().get(0).transform()).isInstanceOf(MaskField.Value.class);
        assertThat(chain.apply(sink("t")).value()).isEqualTo(Map.of("a", 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "io.connectsdk.builtins.predicates.TopicNameMatches",
        "TopicNameMatches",
        "org.apache.kafka.connect.transforms.predicates.TopicNameMatches",
    })
    void predicatesAreFoundByEveryNameKafkaAndWeAccept(String type) {
        TransformChain<SinkRecord> chain = chain("transforms", "f", "transforms.f.type", "org.apache.kafka.connect.transforms.Filter",
                "transforms.f.predicate", "p", "predicates", "p", "predicates.p.type", type, "predicates.p.pattern", "x");
        assertThat(chain.apply(sink("x"))).isNull();
        assertThat(chain.apply(sink("y"))).isNotNull();
    }

    @Test
    void simpleNamesAndNamesWithoutSuffixAreAliases() {
        PluginResolver resolver = RESOLVER;
        assertThat(resolver.resolve("RegexRouter", io.connectsdk.api.transforms.Transform.class).getSimpleName())
                .isEqualTo("RegexRouter");
        assertThat(resolver.resolve("RecordIsTombstone", io.connectsdk.api.transforms.Predicate.class).getSimpleName())
                .isEqualTo("RecordIsTombstone");
        assertThat(resolver.resolve("org.apache.kafka.connect.transforms.ValueToKey", io.connectsdk.api.transforms.Transform.class)
                .getName()).isEqualTo("io.connectsdk.builtins.transforms.ValueToKey");
        assertThat(resolver.resolve(TagTransform.class.getName(), io.connectsdk.api.transforms.Transform.class))
                .isEqualTo(TagTransform.class);
    }

    @Test
    void anExistingKafkaConnectPropertiesFileWorksUnchanged() {
        Map<String, String> kafkaStyle = config(
                "transforms", "insertKey,insertValue",
                "transforms.insertKey.type", "org.apache.kafka.connect.transforms.InsertField$Key",
                "transforms.insertKey.static.field", "source",
                "transforms.insertKey.static.value", "db1",
                "transforms.insertValue.type", "org.apache.kafka.connect.transforms.InsertField$Value",
                "transforms.insertValue.offset.field", "offset!",
                "transforms.insertValue.topic.field", "topic");
        TransformChain<SinkRecord> chain = TransformChain.fromConfig(kafkaStyle, RESOLVER);
        Schema schema = SchemaBuilder.struct().field("id", Schema.INT32_SCHEMA).build();
        SinkRecord out = chain.apply(new SinkRecord("orders", 0, null, Map.of(), schema, new Struct(schema).put("id", 1), 99L));
        assertThat(out.key()).isEqualTo(Map.of("source", "db1"));
        assertThat(((Struct) out.value()).get("offset")).isEqualTo(99L);
        assertThat(((Struct) out.value()).get("topic")).isEqualTo("orders");
        assertThat(chain.stages().get(1).transform()).isInstanceOf(InsertField.Value.class);
    }

    // ---------------------------------------------------------------- configuration errors

    @Test
    void unknownTransformTypeNamesTheKeyAndAlias() {
        assertThatThrownBy(() -> chain("transforms", "x", "transforms.x.type", "NoSuchTransform"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("transforms.x.type").hasMessageContaining("NoSuchTransform")
                .hasMessageContaining("transform 'x'")
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("transforms.x.type"));
    }

    @Test
    void missingTypeNamesTheKey() {
        assertThatThrownBy(() -> chain("transforms", "x"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("transforms.x.type")
                .hasMessageContaining("transform 'x'");
    }

    @Test
    void aKafkaClassWithoutEquivalentIsExplained() {
        assertThatThrownBy(() -> chain("transforms", "x", "transforms.x.type", "org.apache.kafka.connect.transforms.NoSuchThing"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("transforms.x.type")
                .hasMessageContaining("io.connectsdk.builtins.transforms.NoSuchThing");
    }

    @Test
    void anAbstractTransformSuggestsItsVariants() {
        assertThatThrownBy(() -> chain("transforms", "x", "transforms.x.type", "org.apache.kafka.connect.transforms.InsertField"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("transforms.x.type")
                .hasMessageContaining("InsertField$Value");
    }

    @Test
    void aMissingRequiredKeyOfATransformIsReportedWithTheFullKeyAndAlias() {
        assertThatThrownBy(() -> chain("transforms", "mask", "transforms.mask.type", "MaskField$Value"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("transforms.mask.fields")
                .hasMessageContaining("transform 'mask'")
                .satisfies(e -> assertThat(((ConfigException) e).errors()).containsOnlyKeys("transforms.mask.fields"));
    }

    @Test
    void aBadRegexIsReportedWithTheFullKey() {
        assertThatThrownBy(() -> chain("transforms", "route", "transforms.route.type", "RegexRouter",
                "transforms.route.regex", "(unclosed", "transforms.route.replacement", "x"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("transforms.route.regex").hasMessageContaining("(unclosed")
                .hasMessageContaining("transform 'route'");
        assertThatThrownBy(() -> chain("transforms", "f", "transforms.f.type", "Filter", "transforms.f.predicate", "p",
                "predicates", "p", "predicates.p.type", "TopicNameMatches", "predicates.p.pattern", "[a"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("predicates.p.pattern").hasMessageContaining("predicate 'p'");
    }

    @Test
    void aConfigErrorWithoutKeyIsAttributedToTheAlias() {
        assertThatThrownBy(() -> chain("transforms", "ins", "transforms.ins.type", "InsertField$Value"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("transforms.ins").hasMessageContaining("transform 'ins'")
                .hasMessageContaining("topic.field");
    }

    @Test
    void anUndeclaredPredicateIsAnError() {
        assertThatThrownBy(() -> chain("transforms", "f", "transforms.f.type", "Filter", "transforms.f.predicate", "ghost",
                "predicates", "real", "predicates.real.type", "RecordIsTombstone"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("transforms.f.predicate").hasMessageContaining("ghost").hasMessageContaining("[real]");
        assertThatThrownBy(() -> chain("predicates", "p", "predicates.p.type", "NoSuchPredicate"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("predicates.p.type");
        assertThatThrownBy(() -> chain("predicates", "p", "predicates.p.type", "MaskField$Value"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("predicates.p.type");
    }

    @Test
    void negateWithoutPredicateAndDuplicateAliasesAreErrors() {
        assertThatThrownBy(() -> chain("transforms", "f", "transforms.f.type", "Filter", "transforms.f.negate", "true"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("transforms.f.negate")
                .hasMessageContaining("transforms.f.predicate");
        assertThatThrownBy(() -> chain("transforms", "a,b,a", "transforms.a.type", "Filter", "transforms.b.type", "Filter"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("transforms").hasMessageContaining("'a'");
        assertThatThrownBy(() -> chain("transforms", "f", "transforms.f.type", "Filter", "transforms.f.predicate", "p",
                "transforms.f.negate", "perhaps", "predicates", "p", "predicates.p.type", "RecordIsTombstone"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("transforms.f.negate");
    }

    @Test
    void pluginsCreatedBeforeAConfigErrorAreClosed() {
        Map<String, String> config = config("transforms", "ok,bad",
                "transforms.ok.type", TAG, "transforms.ok.tag", "x",
                "transforms.bad.type", "NoSuch");
        CapturingResolver capturing = new CapturingResolver();
        assertThatThrownBy(() -> TransformChain.fromConfig(config, capturing)).isInstanceOf(ConfigException.class);
        assertThat(capturing.created).hasSize(1);
        assertThat(((TagTransform<?>) capturing.created.get(0)).closed).isEqualTo(1);
    }

    // ---------------------------------------------------------------- record-time errors

    @Test
    void aFailingTransformIsReportedWithAliasTopicPartitionAndOffset() {
        TransformChain<SinkRecord> chain = chain("transforms", "bad", "transforms.bad.type", FailingTransform.class.getName(),
                "transforms.bad.kind", "data");
        assertThatThrownBy(() -> chain.apply(sink("orders")))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("Transform 'bad'").hasMessageContaining(FailingTransform.class.getName())
                .hasMessageContaining("topic=orders").hasMessageContaining("partition=3").hasMessageContaining("offset=42")
                .hasMessageContaining("bad data in field 'x'")
                .hasCauseInstanceOf(DataException.class);
    }

    @Test
    void theExceptionKindIsKept() {
        TransformChain<SinkRecord> retriable = chain("transforms", "r", "transforms.r.type", FailingTransform.class.getName(),
                "transforms.r.kind", "retriable");
        assertThatThrownBy(() -> retriable.apply(sink("t"))).isInstanceOf(RetriableException.class)
                .hasMessageContaining("Transform 'r'").hasMessageContaining("try again later");
        TransformChain<SinkRecord> npe = chain("transforms", "n", "transforms.n.type", FailingTransform.class.getName(),
                "transforms.n.kind", "npe");
        assertThatThrownBy(() -> npe.apply(sink("t"))).isInstanceOf(DataException.class)
                .hasMessageContaining("Transform 'n'").hasCauseInstanceOf(NullPointerException.class);
    }

    @Test
    void sourceRecordsAreDescribedByTheirSourcePosition() {
        TransformChain<SourceRecord> chain = TransformChain.fromConfig(config("transforms", "mask",
                "transforms.mask.type", "MaskField$Value", "transforms.mask.fields", "blob"), RESOLVER);
        SourceRecord record = new SourceRecord(Map.of("file", "a.csv"), Map.of("line", 12), "lines", null,
                Map.of("blob", new byte[] {1}));
        assertThatThrownBy(() -> chain.apply(record))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("Transform 'mask'").hasMessageContaining("topic=lines")
                .hasMessageContaining("sourcePartition={file=a.csv}").hasMessageContaining("sourceOffset={line=12}")
                .hasMessageContaining("'blob'");
    }

    @Test
    void aFailingPredicateIsReportedWithItsNameAndTheTransform() {
        TransformChain<SinkRecord> chain = chain("transforms", "t", "transforms.t.type", TAG, "transforms.t.tag", "x",
                "transforms.t.predicate", "p", "predicates", "p", "predicates.p.type", CountingPredicate.class.getName(),
                "predicates.p.topic", "explode");
        assertThatThrownBy(() -> chain.apply(sink("orders")))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("Predicate 'p'").hasMessageContaining("transform 't'")
                .hasMessageContaining("topic=orders").hasMessageContaining("offset=42").hasMessageContaining("cannot decide");
    }

    // ---------------------------------------------------------------- lifecycle

    @Test
    void closeClosesEveryPluginOnceEvenWhenOneFails() {
        TransformChain<SinkRecord> chain = chain("transforms", "a,bad,b",
                "transforms.a.type", TAG, "transforms.a.tag", "A", "transforms.a.predicate", "p",
                "transforms.bad.type", FailingTransform.class.getName(), "transforms.bad.fail.on.close", "true",
                "transforms.b.type", TAG, "transforms.b.tag", "B", "transforms.b.predicate", "p",
                "predicates", "p", "predicates.p.type", CountingPredicate.class.getName(), "predicates.p.topic", "t");
        assertThatThrownBy(chain::close).isInstanceOf(ConnectException.class).hasMessageContaining("cannot close");
        List<TransformChain.Stage<SinkRecord>> stages = chain.stages();
        assertThat(((TagTransform<?>) stages.get(0).transform()).closed).isEqualTo(1);
        assertThat(((FailingTransform<?>) stages.get(1).transform()).closed).isEqualTo(1);
        assertThat(((TagTransform<?>) stages.get(2).transform()).closed).isEqualTo(1);
        assertThat(((CountingPredicate<?>) stages.get(0).predicate()).closed).isEqualTo(1);
        chain.close();
        assertThat(((TagTransform<?>) stages.get(0).transform()).closed).isEqualTo(1);
    }

    @Test
    void pluginsRunWithTheirOwnClassLoaderAsContextLoader() throws Exception {
        TransformChain<SinkRecord> chain = chain("transforms", "a", "transforms.a.type", TAG, "transforms.a.tag", "A");
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader other = new URLClassLoader(new URL[0], null)) {
            Thread.currentThread().setContextClassLoader(other);
            chain.apply(sink("t"));
            assertThat(((TagTransform<?>) chain.stages().get(0).transform()).contextLoaderSeen)
                    .isSameAs(TagTransform.class.getClassLoader());
            assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(other);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** Remembers the instances it creates. */
    private static final class CapturingResolver implements PluginResolver {
        final java.util.List<Object> created = new java.util.ArrayList<>();

        @Override
        public <T> Class<? extends T> resolve(String nameOrAlias, Class<T> spiType) {
            return RESOLVER.resolve(nameOrAlias, spiType);
        }

        @Override
        public <T> T newInstance(String nameOrAlias, Class<T> spiType) {
            T instance = PluginResolver.super.newInstance(nameOrAlias, spiType);
            created.add(instance);
            return instance;
        }
    }
}
