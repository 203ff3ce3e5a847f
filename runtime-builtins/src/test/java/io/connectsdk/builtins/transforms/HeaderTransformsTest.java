package io.connectsdk.builtins.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaBuilder;
import io.connectsdk.api.data.Struct;
import io.connectsdk.api.errors.DataException;
import io.connectsdk.api.header.ConnectHeaders;
import io.connectsdk.api.header.Header;
import io.connectsdk.api.sink.SinkRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderTransformsTest {
    private static final Schema SCHEMA = SchemaBuilder.struct().name("Order")
            .field("id", Schema.INT64_SCHEMA)
            .field("region", SchemaBuilder.string().optional().defaultValue("eu").build())
            .field("note", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    private static SinkRecord record(Schema schema, Object value) {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("keep", "k").addString("drop", "d1").addString("drop", "d2");
        return new SinkRecord("orders", 0, null, null, schema, value, 5L, null, null, headers);
    }

    private static List<String> keys(SinkRecord record) {
        List<String> keys = new ArrayList<>();
        for (Header h : record.headers()) {
            keys.add(h.key());
        }
        return keys;
    }

    @Test
    void insertHeaderAddsATypedLiteralWithoutTouchingTheInput() {
        InsertHeader<SinkRecord> t = new InsertHeader<>();
        t.configure(Map.of("header", "n", "value.literal", "42"));
        SinkRecord in = record(null, "v");
        SinkRecord out = t.apply(in);
        assertThat(keys(out)).containsExactly("keep", "drop", "drop", "n");
        assertThat(out.headers().lastWithName("n").value()).isEqualTo((byte) 42);
        assertThat(out.headers().lastWithName("n").schema()).isEqualTo(Schema.INT8_SCHEMA);
        assertThat(keys(in)).containsExactly("keep", "drop", "drop");

        t.configure(Map.of("header", "s", "value.literal", "just text"));
        assertThat(t.apply(in).headers().lastWithName("s").value()).isEqualTo("just text");
    }

    @Test
    void dropHeadersRemovesEveryHeaderWithTheKeys() {
        DropHeaders<SinkRecord> t = new DropHeaders<>();
        t.configure(Map.of("headers", "drop,absent,drop"));
        SinkRecord in = record(null, "v");
        assertThat(keys(t.apply(in))).containsExactly("keep");
        assertThat(keys(in)).containsExactly("keep", "drop", "drop");
    }

    @Test
    void headerFromCopiesAndMovesStructFieldsWithTheirSchemas() {
        Struct value = new Struct(SCHEMA).put("id", 9L);
        HeaderFrom.Value<SinkRecord> copy = new HeaderFrom.Value<>();
        copy.configure(Map.of("fields", "id,region", "headers", "order-id,region", "operation", "copy"));
        SinkRecord copied = copy.apply(record(SCHEMA, value));
        assertThat(copied.value()).isSameAs(value);
        assertThat(copied.headers().lastWithName("order-id").value()).isEqualTo(9L);
        assertThat(copied.headers().lastWithName("order-id").schema()).isEqualTo(Schema.INT64_SCHEMA);
        assertThat(copied.headers().lastWithName("region").value()).isEqualTo("eu");

        HeaderFrom.Value<SinkRecord> move = new HeaderFrom.Value<>();
        move.configure(Map.of("fields", "region", "headers", "r", "operation", "move", "replace.null.with.default", "false"));
        SinkRecord moved = move.apply(record(SCHEMA, value));
        assertThat(moved.valueSchema().name()).isEqualTo("Order");
        assertThat(moved.valueSchema().fields()).extracting(f -> f.name()).containsExactly("id", "note");
        assertThat(((Struct) moved.value()).get("id")).isEqualTo(9L);
        assertThat(moved.headers().lastWithName("r").value()).isNull();
    }

    @Test
    void headerFromOnMapsAndItsErrors() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("a", 1);
        value.put("b", "x");
        HeaderFrom.Key<SinkRecord> move = new HeaderFrom.Key<>();
        move.configure(Map.of("fields", "a,missing", "headers", "ha,hm", "operation", "move"));
        SinkRecord in = new SinkRecord("t", 0, null, value, null, null, 1L);
        SinkRecord out = move.apply(in);
        assertThat(out.key()).isEqualTo(Map.of("b", "x"));
        assertThat(out.headers().lastWithName("ha").value()).isEqualTo(1);
        assertThat(out.headers().lastWithName("ha").schema()).isNull();
        assertThat(out.headers().lastWithName("hm").value()).isNull();
        assertThat(value).containsKey("a");

        HeaderFrom.Value<SinkRecord> missing = new HeaderFrom.Value<>();
        missing.configure(Map.of("fields", "nope", "headers", "h", "operation", "copy"));
        assertThatThrownBy(() -> missing.apply(record(SCHEMA, new Struct(SCHEMA).put("id", 1L))))
                .isInstanceOf(DataException.class).hasMessageContaining("'nope'").hasMessageContaining("[id, region, note]");
        assertThatThrownBy(() -> missing.apply(record(null, null)))
                .isInstanceOf(DataException.class).hasMessageContaining("HeaderFrom$Value").hasMessageContaining("null");
    }
}
