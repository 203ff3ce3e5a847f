package io.connectsdk.api.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.api.errors.DataException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogicalTypesTest {

    @Test
    void logicalNamesAreKafkaConnects() {
        assertThat(Decimal.LOGICAL_NAME).isEqualTo("org.apache.kafka.connect.data.Decimal");
        assertThat(Decimal.SCALE_FIELD).isEqualTo("scale");
        assertThat(Date.LOGICAL_NAME).isEqualTo("org.apache.kafka.connect.data.Date");
        assertThat(Time.LOGICAL_NAME).isEqualTo("org.apache.kafka.connect.data.Time");
        assertThat(Timestamp.LOGICAL_NAME).isEqualTo("org.apache.kafka.connect.data.Timestamp");
    }

    @Test
    void schemas() {
        Schema decimal = Decimal.schema(3);
        assertThat(decimal.type()).isEqualTo(Schema.Type.BYTES);
        assertThat(decimal.name()).isEqualTo(Decimal.LOGICAL_NAME);
        assertThat(decimal.version()).isEqualTo(1);
        assertThat(decimal.parameters()).containsExactly(java.util.Map.entry("scale", "3"));
        assertThat(Decimal.builder(3).optional().build().isOptional()).isTrue();
        assertThat(Decimal.scale(decimal)).isEqualTo(3);

        assertThat(Date.SCHEMA.type()).isEqualTo(Schema.Type.INT32);
        assertThat(Date.SCHEMA.name()).isEqualTo(Date.LOGICAL_NAME);
        assertThat(Date.SCHEMA.version()).isEqualTo(1);
        assertThat(Date.builder().build()).isEqualTo(Date.SCHEMA);
        assertThat(Time.SCHEMA.type()).isEqualTo(Schema.Type.INT32);
        assertThat(Time.SCHEMA.name()).isEqualTo(Time.LOGICAL_NAME);
        assertThat(Timestamp.SCHEMA.type()).isEqualTo(Schema.Type.INT64);
        assertThat(Timestamp.SCHEMA.name()).isEqualTo(Timestamp.LOGICAL_NAME);
        assertThat(Timestamp.builder().optional().build().isOptional()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.00", "1.23", "-1.23", "1.28", "-1.28", "12345678901234567890.12", "-0.01"})
    void decimalRoundTrips(String text) {
        BigDecimal value = new BigDecimal(text);
        Schema schema = Decimal.schema(2);
        byte[] bytes = Decimal.fromLogical(schema, value);
        assertThat(bytes).isEqualTo(value.unscaledValue().toByteArray());
        assertThat(Decimal.toLogical(schema, bytes)).isEqualTo(value);
    }

    @Test
    void decimalEncodingIsTwosComplementBigEndianOfTheUnscaledValue() {
        Schema schema = Decimal.schema(2);
        assertThat(Decimal.fromLogical(schema, new BigDecimal("1.00"))).containsExactly(100);
        assertThat(Decimal.fromLogical(schema, new BigDecimal("-0.01"))).containsExactly(-1);
        assertThat(Decimal.fromLogical(schema, new BigDecimal("1.28"))).containsExactly(0, -128);
        assertThat(Decimal.toLogical(schema, new byte[] {1, 0})).isEqualTo(new BigDecimal("2.56"));
        assertThat(Decimal.toLogical(Decimal.schema(-2), new byte[] {5}))
                .isEqualTo(new BigDecimal(BigInteger.valueOf(5), -2));
    }

    @Test
    void decimalErrors() {
        assertThatThrownBy(() -> Decimal.fromLogical(Decimal.schema(2), new BigDecimal("1.2")))
                .isInstanceOf(DataException.class).hasMessageContaining("scale 1").hasMessageContaining("scale 2");
        assertThatThrownBy(() -> Decimal.fromLogical(Decimal.schema(2), null)).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> Decimal.toLogical(Decimal.schema(2), null)).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> Decimal.toLogical(Decimal.schema(2), new byte[0])).isInstanceOf(DataException.class);
        Schema noScale = SchemaBuilder.bytes().name(Decimal.LOGICAL_NAME).build();
        assertThatThrownBy(() -> Decimal.toLogical(noScale, new byte[] {1})).isInstanceOf(DataException.class)
                .hasMessageContaining("scale");
        Schema badScale = SchemaBuilder.bytes().name(Decimal.LOGICAL_NAME).parameter("scale", "two").build();
        assertThatThrownBy(() -> Decimal.scale(badScale)).isInstanceOf(DataException.class).hasMessageContaining("two");
        assertThatThrownBy(() -> Decimal.fromLogical(Schema.BYTES_SCHEMA, BigDecimal.ONE))
                .isInstanceOf(DataException.class).hasMessageContaining(Decimal.LOGICAL_NAME);
        assertThatThrownBy(() -> Decimal.fromLogical(null, BigDecimal.ONE)).isInstanceOf(DataException.class);
    }

    @Test
    void dateConvertsToDaysSinceEpoch() {
        java.util.Date epoch = new java.util.Date(0);
        assertThat(Date.fromLogical(Date.SCHEMA, epoch)).isZero();
        java.util.Date day = java.util.Date.from(LocalDate.of(2024, 2, 29).atStartOfDay(ZoneOffset.UTC).toInstant());
        int days = (int) LocalDate.of(2024, 2, 29).toEpochDay();
        assertThat(Date.fromLogical(Date.SCHEMA, day)).isEqualTo(days);
        assertThat(Date.toLogical(Date.SCHEMA, days)).isEqualTo(day);
        java.util.Date before = java.util.Date.from(LocalDate.of(1969, 12, 31).atStartOfDay(ZoneOffset.UTC).toInstant());
        assertThat(Date.fromLogical(Date.SCHEMA, before)).isEqualTo(-1);
        assertThat(Date.toLogical(Date.SCHEMA, -1)).isEqualTo(before);
    }

    @Test
    void dateErrors() {
        assertThatThrownBy(() -> Date.fromLogical(Date.SCHEMA, new java.util.Date(1)))
                .isInstanceOf(DataException.class).hasMessageContaining("midnight UTC");
        assertThatThrownBy(() -> Date.fromLogical(Date.SCHEMA, new java.util.Date(-1)))
                .isInstanceOf(DataException.class);
        assertThatThrownBy(() -> Date.fromLogical(Date.SCHEMA, null)).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> Date.fromLogical(Schema.INT32_SCHEMA, new java.util.Date(0)))
                .isInstanceOf(DataException.class).hasMessageContaining(Date.LOGICAL_NAME);
        assertThatThrownBy(() -> Date.toLogical(Time.SCHEMA, 0)).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> Date.fromLogical(Date.SCHEMA, new java.util.Date(Long.MAX_VALUE / 86_400_000L * 86_400_000L)))
                .isInstanceOf(DataException.class).hasMessageContaining("range");
    }

    @Test
    void timeConvertsToMillisSinceMidnight() {
        int millis = (int) (LocalTime.of(13, 45, 30, 123_000_000).toNanoOfDay() / 1_000_000);
        java.util.Date time = new java.util.Date(millis);
        assertThat(Time.fromLogical(Time.SCHEMA, time)).isEqualTo(millis);
        assertThat(Time.toLogical(Time.SCHEMA, millis)).isEqualTo(time);
        assertThat(Time.fromLogical(Time.SCHEMA, new java.util.Date(0))).isZero();
        assertThat(Time.fromLogical(Time.SCHEMA, new java.util.Date(86_399_999))).isEqualTo(86_399_999);
        // 24:00:00.000 is accepted both ways, as Kafka Connect does, so its data can always be read
        assertThat(Time.fromLogical(Time.SCHEMA, new java.util.Date(86_400_000))).isEqualTo(86_400_000);
        assertThat(Time.toLogical(Time.SCHEMA, 86_400_000)).isEqualTo(new java.util.Date(86_400_000));
    }

    @Test
    void timeErrors() {
        assertThatThrownBy(() -> Time.fromLogical(Time.SCHEMA, new java.util.Date(86_400_001)))
                .isInstanceOf(DataException.class).hasMessageContaining("1970-01-01");
        assertThatThrownBy(() -> Time.fromLogical(Time.SCHEMA, new java.util.Date(-1))).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> Time.fromLogical(Time.SCHEMA, null)).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> Time.toLogical(Time.SCHEMA, -1)).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> Time.toLogical(Time.SCHEMA, 86_400_001)).isInstanceOf(DataException.class)
                .hasMessageContaining("86400001");
        assertThatThrownBy(() -> Time.toLogical(Date.SCHEMA, 1)).isInstanceOf(DataException.class);
    }

    @Test
    void timestampConvertsToMillisSinceEpoch() {
        Instant instant = Instant.parse("2024-05-06T07:08:09.010Z");
        java.util.Date value = java.util.Date.from(instant);
        assertThat(Timestamp.fromLogical(Timestamp.SCHEMA, value)).isEqualTo(instant.toEpochMilli());
        assertThat(Timestamp.toLogical(Timestamp.SCHEMA, instant.toEpochMilli())).isEqualTo(value);
        assertThat(Timestamp.toLogical(Timestamp.SCHEMA, -5L).getTime()).isEqualTo(-5L);
        assertThatThrownBy(() -> Timestamp.fromLogical(Timestamp.SCHEMA, null)).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> Timestamp.fromLogical(Schema.INT64_SCHEMA, value)).isInstanceOf(DataException.class)
                .hasMessageContaining(Timestamp.LOGICAL_NAME);
        assertThatThrownBy(() -> Timestamp.toLogical(Date.SCHEMA, 0L)).isInstanceOf(DataException.class);
    }

    @Test
    void logicalValuesInStructsAndDefaults() {
        Schema schema = SchemaBuilder.struct()
                .field("price", Decimal.builder(2).defaultValue(new BigDecimal("0.00")).build())
                .field("day", Date.builder().optional().build())
                .build();
        Struct s = new Struct(schema);
        assertThat(s.get("price")).isEqualTo(new BigDecimal("0.00"));
        assertThatThrownBy(() -> s.put("price", 100)).isInstanceOf(DataException.class)
                .hasMessageContaining("'price'").hasMessageContaining("java.math.BigDecimal")
                .hasMessageContaining(Decimal.LOGICAL_NAME).hasMessageContaining("Integer");
        assertThatThrownBy(() -> s.put("day", 5)).isInstanceOf(DataException.class).hasMessageContaining("'day'");
        assertThatThrownBy(() -> Decimal.builder(2).defaultValue(new byte[] {1})).isInstanceOf(DataException.class);
    }
}
