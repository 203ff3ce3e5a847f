package io.connectsdk.api.header;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaAndValue;
import io.connectsdk.api.data.SchemaBuilder;
import io.connectsdk.api.errors.DataException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ConnectHeaderTest {

    @Test
    void accessors() {
        Header h = new ConnectHeader("k", new SchemaAndValue(Schema.STRING_SCHEMA, "v"));
        assertThat(h.key()).isEqualTo("k");
        assertThat(h.schema()).isEqualTo(Schema.STRING_SCHEMA);
        assertThat(h.value()).isEqualTo("v");
        assertThat(h.toString()).isEqualTo("ConnectHeader{key=k, value=v, schema=Schema{STRING}}");
    }

    @Test
    void schemalessAndNullHeaders() {
        Header schemaless = new ConnectHeader("k", new SchemaAndValue(null, 42));
        assertThat(schemaless.schema()).isNull();
        assertThat(schemaless.value()).isEqualTo(42);
        Header empty = new ConnectHeader("k", null);
        assertThat(empty.schema()).isNull();
        assertThat(empty.value()).isNull();
    }

    @Test
    void valueIsValidatedNamingTheKey() {
        assertThatThrownBy(() -> new ConnectHeader("retries", new SchemaAndValue(Schema.INT32_SCHEMA, "3")))
                .isInstanceOf(DataException.class)
                .hasMessage("Invalid value for header 'retries': expected INT32, got String");
        Schema list = SchemaBuilder.array(Schema.INT32_SCHEMA).build();
        assertThatThrownBy(() -> new ConnectHeader("ids", new SchemaAndValue(list, Arrays.asList(1, "2"))))
                .isInstanceOf(DataException.class)
                .hasMessage("Invalid value for header 'ids' at '[1]': expected INT32, got String");
        assertThatThrownBy(() -> new ConnectHeader("k", new SchemaAndValue(Schema.INT32_SCHEMA, null)))
                .isInstanceOf(DataException.class).hasMessageContaining("'k'");
        assertThatThrownBy(() -> new ConnectHeader(null, SchemaAndValue.NULL)).isInstanceOf(DataException.class);
    }

    @Test
    void withAndRenameReturnNewHeaders() {
        Header h = new ConnectHeader("k", new SchemaAndValue(Schema.STRING_SCHEMA, "v"));
        Header changed = h.with(Schema.INT64_SCHEMA, 5L);
        assertThat(changed.key()).isEqualTo("k");
        assertThat(changed.schema()).isEqualTo(Schema.INT64_SCHEMA);
        assertThat(changed.value()).isEqualTo(5L);
        assertThat(h.value()).isEqualTo("v");
        assertThatThrownBy(() -> h.with(Schema.INT64_SCHEMA, "5")).isInstanceOf(DataException.class)
                .hasMessageContaining("'k'");
        Header renamed = h.rename("other");
        assertThat(renamed.key()).isEqualTo("other");
        assertThat(renamed.value()).isEqualTo("v");
        assertThat(h.key()).isEqualTo("k");
        assertThatThrownBy(() -> h.rename(null)).isInstanceOf(DataException.class);
    }

    @Test
    void equalityComparesBytesByContent() {
        Header a = new ConnectHeader("k", new SchemaAndValue(Schema.BYTES_SCHEMA, new byte[] {1, 2}));
        Header b = new ConnectHeader("k", new SchemaAndValue(Schema.BYTES_SCHEMA, new byte[] {1, 2}));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(new ConnectHeader("k", new SchemaAndValue(Schema.BYTES_SCHEMA, new byte[] {1})));
        assertThat(a).isNotEqualTo(new ConnectHeader("j", new SchemaAndValue(Schema.BYTES_SCHEMA, new byte[] {1, 2})));
        assertThat(a).isNotEqualTo(new ConnectHeader("k", new SchemaAndValue(null, new byte[] {1, 2})));
        assertThat(a.toString()).contains("[1, 2]");
    }
}
