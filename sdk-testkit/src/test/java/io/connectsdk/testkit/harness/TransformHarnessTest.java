package io.connectsdk.testkit.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.connector.ConnectRecord;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaBuilder;
import io.connectsdk.api.data.Struct;
import io.connectsdk.api.sink.SinkRecord;
import io.connectsdk.api.source.SourceRecord;
import io.connectsdk.api.transforms.Transform;
import io.connectsdk.builtins.transforms.InsertField;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransformHarnessTest {
    static final Schema PERSON = SchemaBuilder.struct().name("Person")
            .field("name", Schema.STRING_SCHEMA).field("ssn", Schema.OPTIONAL_STRING_SCHEMA).build();

    /** Masks a configured field of a struct value, the right way: a new struct in a new record. */
    public static class Mask<R extends ConnectRecord<R>> implements Transform<R> {
        private String field;
        int closes;

        @Override
        public void configure(Map<String, ?> configs) {
            Object f = configs.get("field");
            if (f == null) {
                throw new ConfigException("field", null, "is required");
            }
            field = f.toString();
        }

        @Override
        public R apply(R record) {
            if (!(record.value() instanceof Struct)) {
                return null; // drops what it cannot mask
            }
            Struct in = (Struct) record.value();
            Struct out = new Struct(in.schema());
            in.schema().fields().forEach(f -> out.put(f, f.name().equals(field) ? "***" : in.get(f)));
            return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                    out.schema(), out, record.timestamp());
        }

        @Override
        public ConfigDef config() {
            return new ConfigDef();
        }

        @Override
        public String version() {
            return "1.0";
        }

        @Override
        public void close() {
            closes++;
        }
    }

    /** Violates the contract: masks the struct of the input record in place. */
    public static class InPlaceMask<R extends ConnectRecord<R>> extends Mask<R> {
        @Override
        public R apply(R record) {
            ((Struct) record.value()).put("ssn", "***");
            return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                    record.valueSchema(), record.value(), record.timestamp());
        }
    }

    /** Allowed: adds a header to the input and returns that same record. */
    public static class Tag<R extends ConnectRecord<R>> extends Mask<R> {
        @Override
        public void configure(Map<String, ?> configs) {
        }

        @Override
        public R apply(R record) {
            record.headers().addString("tagged", "yes");
            return record;
        }
    }

    /** Violates the contract: a blank version. */
    public static class Unversioned<R extends ConnectRecord<R>> extends Tag<R> {
        @Override
        public String version() {
            return " ";
        }
    }

    private static Struct person() {
        return Records.struct(PERSON).put("name", "Ann").put("ssn", "123-45").build();
    }

    @Test
    void appliesTheTransformAndLeavesTheInputAlone() {
        SourceRecord in = Records.source("people").key("k").value(person()).header("h", "1").build();
        Mask<SourceRecord> mask = new Mask<>();
        try (TransformHarness<SourceRecord> harness = TransformHarness.of(mask).config("field", "ssn")) {
            SourceRecord out = harness.apply(in);
            assertThat(((Struct) out.value()).getString("ssn")).isEqualTo("***");
            assertThat(((Struct) in.value()).getString("ssn")).isEqualTo("123-45");
            assertThat(out.headers().lastWithName("h").value()).isEqualTo("1");
        }
        assertThat(mask.closes).isEqualTo(1);
    }

    @Test
    void worksForSinkRecordsAndDropsRecords() {
        try (TransformHarness<SinkRecord> harness = TransformHarness.of(new Mask<SinkRecord>()).config("field", "name")) {
            List<SinkRecord> out = harness.applyAll(
                    Records.sink("people").offset(1).value(person()).build(),
                    Records.sink("people").offset(2).value("not a struct").build());
            assertThat(out).singleElement().satisfies(r -> {
                assertThat(r.kafkaOffset()).isEqualTo(1L);
                assertThat(((Struct) r.value()).getString("name")).isEqualTo("***");
            });
        }
    }

    @Test
    void aTransformThatChangesItsInputIsAContractViolation() {
        SourceRecord in = Records.source("people").value(person()).build();
        try (TransformHarness<SourceRecord> harness = TransformHarness.of(new InPlaceMask<SourceRecord>()).config("field", "ssn")) {
            assertThatThrownBy(() -> harness.apply(in))
                    .isInstanceOf(ContractViolationError.class)
                    .hasMessageStartingWith("Expected InPlaceMask.apply() to leave its input record unchanged (return a changed"
                            + " copy made with newRecord(...)), but the input changed.")
                    .hasMessageContaining("before: SourceRecord{")
                    .hasMessageContaining("ssn=123-45")
                    .hasMessageContaining("after:  SourceRecord{")
                    .hasMessageContaining("ssn=***");
        }
    }

    @Test
    void changingOnlyTheHeadersOfTheReturnedInputIsAllowed() {
        SourceRecord in = Records.source("t").value("v").build();
        try (TransformHarness<SourceRecord> harness = TransformHarness.of(new Tag<SourceRecord>())) {
            assertThat(harness.apply(in)).isSameAs(in);
            assertThat(in.headers().lastWithName("tagged").value()).isEqualTo("yes");
        }
    }

    @Test
    void configurationErrorsReachTheTestUnchanged() {
        TransformHarness<SourceRecord> harness = TransformHarness.of(new Mask<SourceRecord>());
        assertThatThrownBy(harness::configure).isInstanceOf(ConfigException.class).hasMessageContaining("field");
        assertThatThrownBy(() -> harness.config("field", "x")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aBlankVersionIsAContractViolation() {
        assertThatThrownBy(() -> TransformHarness.of(new Unversioned<SourceRecord>()).configure())
                .isInstanceOf(ContractViolationError.class)
                .hasMessage("Expected Unversioned.version() to return a version such as \"1.0\", but it returned \" \"");
    }

    @Test
    void drivesABuiltInTransform() {
        try (TransformHarness<SourceRecord> harness = TransformHarness.of(new InsertField.Value<SourceRecord>())
                .config(Map.of("static.field", "origin", "static.value", "crm"))) {
            SourceRecord out = harness.apply(Records.source("t").value(Map.of("id", 1)).build());
            assertThat(out.value()).isEqualTo(Map.of("id", 1, "origin", "crm"));
        }
    }
}
