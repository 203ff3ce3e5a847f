package io.connectsdk.api.header;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.api.data.Date;
import io.connectsdk.api.data.Decimal;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaAndValue;
import io.connectsdk.api.data.SchemaBuilder;
import io.connectsdk.api.data.Struct;
import io.connectsdk.api.data.Time;
import io.connectsdk.api.data.Timestamp;
import io.connectsdk.api.errors.DataException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class ConnectHeadersTest {

    private static List<String> keys(Iterable<Header> headers) {
        List<String> keys = new ArrayList<>();
        headers.forEach(h -> keys.add(h.key()));
        return keys;
    }

    private static List<Object> values(Iterator<Header> headers) {
        List<Object> values = new ArrayList<>();
        headers.forEachRemaining(h -> values.add(h.value()));
        return values;
    }

    @Test
    void typedAddsUseTheRightSchemas() {
        Schema point = SchemaBuilder.struct().name("Point").field("x", Schema.INT32_SCHEMA).build();
        Struct struct = new Struct(point).put("x", 1);
        java.util.Date midnight = new java.util.Date(0);
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("string", "s")
                .addBoolean("boolean", true)
                .addByte("byte", (byte) 1)
                .addShort("short", (short) 2)
                .addInt("int", 3)
                .addLong("long", 4L)
                .addFloat("float", 5f)
                .addDouble("double", 6d)
                .addBytes("bytes", new byte[] {7})
                .addList("list", List.of("a"), SchemaBuilder.array(Schema.STRING_SCHEMA).build())
                .addMap("map", Map.of("a", 1), SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build())
                .addStruct("struct", struct)
                .addDecimal("decimal", new BigDecimal("1.234"))
                .addDate("date", midnight)
                .addTime("time", new java.util.Date(1000))
                .addTimestamp("timestamp", new java.util.Date(99));
        assertThat(headers.size()).isEqualTo(16);
        assertThat(headers.lastWithName("string").schema()).isEqualTo(Schema.STRING_SCHEMA);
        assertThat(headers.lastWithName("boolean").schema()).isEqualTo(Schema.BOOLEAN_SCHEMA);
        assertThat(headers.lastWithName("byte").value()).isEqualTo((byte) 1);
        assertThat(headers.lastWithName("byte").schema()).isEqualTo(Schema.INT8_SCHEMA);
        assertThat(headers.lastWithName("short").schema()).isEqualTo(Schema.INT16_SCHEMA);
        assertThat(headers.lastWithName("int").schema()).isEqualTo(Schema.INT32_SCHEMA);
        assertThat(headers.lastWithName("long").schema()).isEqualTo(Schema.INT64_SCHEMA);
        assertThat(headers.lastWithName("float").schema()).isEqualTo(Schema.FLOAT32_SCHEMA);
        assertThat(headers.lastWithName("double").schema()).isEqualTo(Schema.FLOAT64_SCHEMA);
        assertThat(headers.lastWithName("bytes").schema()).isEqualTo(Schema.BYTES_SCHEMA);
        assertThat(headers.lastWithName("list").schema().type()).isEqualTo(Schema.Type.ARRAY);
        assertThat(headers.lastWithName("map").schema().type()).isEqualTo(Schema.Type.MAP);
        assertThat(headers.lastWithName("struct").schema()).isEqualTo(point);
        assertThat(headers.lastWithName("struct").value()).isSameAs(struct);
        assertThat(headers.lastWithName("decimal").schema()).isEqualTo(Decimal.schema(3));
        assertThat(headers.lastWithName("decimal").value()).isEqualTo(new BigDecimal("1.234"));
        assertThat(headers.lastWithName("date").schema()).isEqualTo(Date.SCHEMA);
        assertThat(headers.lastWithName("time").schema()).isEqualTo(Time.SCHEMA);
        assertThat(headers.lastWithName("timestamp").schema()).isEqualTo(Timestamp.SCHEMA);
    }

    @Test
    void nullValues() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("s", null).addBytes("b", null).addStruct("st", null).addDecimal("d", null)
                .addDate("date", null).addTime("time", null).addTimestamp("ts", null)
                .add("x", null, null).add("y", SchemaAndValue.NULL).add("z", (SchemaAndValue) null);
        assertThat(headers.lastWithName("s").schema()).isEqualTo(Schema.OPTIONAL_STRING_SCHEMA);
        assertThat(headers.lastWithName("b").schema()).isEqualTo(Schema.OPTIONAL_BYTES_SCHEMA);
        assertThat(headers.lastWithName("st").schema()).isNull();
        assertThat(headers.lastWithName("d").schema()).isNull();
        assertThat(headers.lastWithName("date").schema().isOptional()).isTrue();
        assertThat(headers.lastWithName("date").schema().name()).isEqualTo(Date.LOGICAL_NAME);
        assertThat(headers.lastWithName("time").schema().isOptional()).isTrue();
        assertThat(headers.lastWithName("ts").schema().isOptional()).isTrue();
        assertThat(headers).allMatch(h -> h.value() == null);
        assertThatThrownBy(() -> headers.addList("l", null, SchemaBuilder.array(Schema.INT32_SCHEMA).build()))
                .isInstanceOf(DataException.class).hasMessageContaining("'l'");
    }

    @Test
    void addValidatesNamingTheKey() {
        ConnectHeaders headers = new ConnectHeaders();
        assertThatThrownBy(() -> headers.add("count", "x", Schema.INT32_SCHEMA)).isInstanceOf(DataException.class)
                .hasMessage("Invalid value for header 'count': expected INT32, got String");
        assertThatThrownBy(() -> headers.add("count", new SchemaAndValue(Schema.INT32_SCHEMA, 1L)))
                .isInstanceOf(DataException.class).hasMessageContaining("'count'");
        assertThatThrownBy(() -> headers.addList("ids", List.of(1, 2), SchemaBuilder.array(Schema.INT64_SCHEMA).build()))
                .isInstanceOf(DataException.class).hasMessageContaining("header 'ids' at '[0]'");
        assertThatThrownBy(() -> headers.addList("ids", List.of(1), null)).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> headers.addMap("m", Map.of("a", "b"), null)).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> headers.addMap("m", Map.of("a", "b"), Schema.STRING_SCHEMA))
                .isInstanceOf(DataException.class).hasMessageContaining("'m'");
        assertThatThrownBy(() -> headers.addString(null, "x")).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> headers.add((Header) null)).isInstanceOf(DataException.class);
        // schemaless headers are not validated
        headers.add("anything", new Object(), null);
        assertThat(headers.size()).isEqualTo(1);
    }

    @Test
    void foreignHeaderImplementationsAreValidated() {
        Header bad = new Header() {
            @Override
            public String key() {
                return "bad";
            }

            @Override
            public Schema schema() {
                return Schema.INT32_SCHEMA;
            }

            @Override
            public Object value() {
                return "x";
            }

            @Override
            public Header with(Schema schema, Object value) {
                return this;
            }

            @Override
            public Header rename(String key) {
                return this;
            }
        };
        assertThatThrownBy(() -> new ConnectHeaders().add(bad)).isInstanceOf(DataException.class)
                .hasMessageContaining("'bad'");
    }

    @Test
    void orderAndRepeatedKeys() {
        ConnectHeaders headers = new ConnectHeaders();
        assertThat(headers.isEmpty()).isTrue();
        headers.addInt("a", 1).addInt("b", 2).addInt("a", 3).addInt("c", 4).addInt("a", 5);
        assertThat(headers.isEmpty()).isFalse();
        assertThat(headers.size()).isEqualTo(5);
        assertThat(keys(headers)).containsExactly("a", "b", "a", "c", "a");
        assertThat(values(headers.allWithName("a"))).containsExactly(1, 3, 5);
        assertThat(values(headers.allWithName("none"))).isEmpty();
        assertThat(headers.lastWithName("a").value()).isEqualTo(5);
        assertThat(headers.lastWithName("none")).isNull();
    }

    @Test
    void allWithNameIteratorCanRemove() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addInt("a", 1).addInt("b", 2).addInt("a", 3).addInt("a", 4);
        Iterator<Header> it = headers.allWithName("a");
        assertThatThrownBy(it::remove).isInstanceOf(IllegalStateException.class);
        while (it.hasNext()) {
            if ((Integer) it.next().value() != 4) {
                it.remove();
            }
        }
        assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
        assertThat(keys(headers)).containsExactly("b", "a");
        assertThat(headers.lastWithName("a").value()).isEqualTo(4);
    }

    @Test
    void iteratorCanRemove() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addInt("a", 1).addInt("b", 2);
        Iterator<Header> it = headers.iterator();
        it.next();
        it.remove();
        assertThat(keys(headers)).containsExactly("b");
    }

    @Test
    void removeRetainLatestAndClear() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addInt("a", 1).addInt("b", 2).addInt("a", 3).addInt("c", 4).addInt("b", 5).addInt("a", 6);

        Headers copy = headers.duplicate();
        copy.retainLatest("a");
        assertThat(keys(copy)).containsExactly("b", "c", "b", "a");
        assertThat(copy.lastWithName("a").value()).isEqualTo(6);

        copy = headers.duplicate();
        copy.retainLatest();
        assertThat(keys(copy)).containsExactly("c", "b", "a");
        assertThat(values(copy.iterator())).containsExactly(4, 5, 6);

        copy = headers.duplicate();
        copy.remove("a").remove("none");
        assertThat(keys(copy)).containsExactly("b", "c", "b");

        copy.clear();
        assertThat(copy.isEmpty()).isTrue();
        assertThat(headers.size()).isEqualTo(6);
    }

    @Test
    void duplicateIsIndependent() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("a", "1");
        Headers copy = headers.duplicate();
        assertThat(copy).isEqualTo(headers).hasSameHashCodeAs(headers).isNotSameAs(headers);
        copy.addString("b", "2");
        headers.remove("a");
        assertThat(keys(copy)).containsExactly("a", "b");
        assertThat(headers.isEmpty()).isTrue();
    }

    @Test
    void copyConstructor() {
        ConnectHeaders original = new ConnectHeaders();
        original.addString("a", "1").addInt("b", 2);
        ConnectHeaders copy = new ConnectHeaders(original);
        assertThat(copy).isEqualTo(original);
        copy.addInt("c", 3);
        assertThat(original.size()).isEqualTo(2);
        assertThat(new ConnectHeaders(null).isEmpty()).isTrue();
        assertThat(new ConnectHeaders(List.of(new ConnectHeader("x", SchemaAndValue.NULL))).size()).isEqualTo(1);
    }

    @Test
    void applyTransformsReplacesAndRemoves() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("keep", "k").addInt("drop", 1).addString("upper", "u");
        headers.apply(h -> {
            if (h.key().equals("drop")) {
                return null;
            }
            if (h.key().equals("upper")) {
                return h.with(Schema.STRING_SCHEMA, ((String) h.value()).toUpperCase()).rename("UPPER");
            }
            return h;
        });
        assertThat(keys(headers)).containsExactly("keep", "UPPER");
        assertThat(headers.lastWithName("UPPER").value()).isEqualTo("U");
    }

    @Test
    void applyToOneKey() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addInt("n", 1).addInt("m", 2).addInt("n", 3);
        headers.apply("n", h -> h.with(Schema.INT32_SCHEMA, (Integer) h.value() * 10));
        assertThat(values(headers.iterator())).containsExactly(10, 2, 30);
        headers.apply("n", h -> null);
        assertThat(keys(headers)).containsExactly("m");
        assertThatThrownBy(() -> headers.apply(null)).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> headers.apply(null, h -> h)).isInstanceOf(DataException.class);
    }

    @Test
    void equalityAndToString() {
        ConnectHeaders a = new ConnectHeaders();
        a.addBytes("b", new byte[] {1, 2}).addString("s", "x");
        ConnectHeaders b = new ConnectHeaders();
        b.addBytes("b", new byte[] {1, 2}).addString("s", "x");
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        b.addString("s", "y");
        assertThat(a).isNotEqualTo(b);
        ConnectHeaders reordered = new ConnectHeaders();
        reordered.addString("s", "x").addBytes("b", new byte[] {1, 2});
        assertThat(a).isNotEqualTo(reordered);
        assertThat(a.toString()).isEqualTo("ConnectHeaders[b=[1, 2], s=x]");
    }
}
