package io.connectsdk.testkit.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.api.data.Schema;
import io.connectsdk.api.data.SchemaBuilder;
import io.connectsdk.api.data.Struct;
import io.connectsdk.api.errors.DataException;
import io.connectsdk.api.sink.SinkRecord;
import io.connectsdk.api.sink.TimestampType;
import io.connectsdk.api.source.SourceRecord;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordsTest {
    static final Schema S = SchemaBuilder.struct().name("S").field("a", Schema.INT32_SCHEMA)
            .field("b", Schema.OPTIONAL_STRING_SCHEMA).build();

    @Test
    void buildsSourceRecords() {
        Records.SourceRecordBuilder builder = Records.source("t").sourcePartition(Records.map("file", "a.log"))
                .sourceOffset(Map.of("pos", 3L)).kafkaPartition(2).key(Schema.STRING_SCHEMA, "k")
                .value(Schema.INT64_SCHEMA, 5L).timestamp(99L).header("h", "v");
        SourceRecord r = builder.build();
        assertThat(r.topic()).isEqualTo("t");
        assertThat(r.sourcePartition()).isEqualTo(Map.of("file", "a.log"));
        assertThat(r.sourceOffset()).isEqualTo(Map.of("pos", 3L));
        assertThat(r.kafkaPartition()).isEqualTo(2);
        assertThat(r.keySchema()).isEqualTo(Schema.STRING_SCHEMA);
        assertThat(r.value()).isEqualTo(5L);
        assertThat(r.timestamp()).isEqualTo(99L);
        assertThat(r.headers().lastWithName("h").value()).isEqualTo("v");

        SourceRecord again = builder.build();
        again.headers().addString("extra", "x");
        assertThat(r.headers().size()).isEqualTo(1); // each build has its own headers
    }

    @Test
    void buildsSinkRecordsAndStructsWithTheirSchema() {
        Struct s = Records.struct(S).put("a", 1).build();
        SinkRecord r = Records.sink("t").partition(1).offset(8).value(s).timestamp(5L).build();
        assertThat(r.valueSchema()).isEqualTo(s.schema());
        assertThat(r.kafkaPartition()).isEqualTo(1);
        assertThat(r.kafkaOffset()).isEqualTo(8L);
        assertThat(r.timestampType()).isEqualTo(TimestampType.CREATE_TIME);
        assertThat(Records.sink("t").value("x").build().valueSchema()).isNull();
        assertThat(Records.sink("t").build().timestampType()).isEqualTo(TimestampType.NO_TIMESTAMP_TYPE);
    }

    @Test
    void rejectsBadStructsAndMaps() {
        assertThatThrownBy(() -> Records.struct(S).put("a", "not an int")).isInstanceOf(DataException.class)
                .hasMessageContaining("a");
        assertThatThrownBy(() -> Records.struct(S).put("b", "x").build()).isInstanceOf(DataException.class)
                .hasMessageContaining("a");
        assertThatThrownBy(() -> Records.map("k")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Records.map(1, "v")).isInstanceOf(IllegalArgumentException.class);
    }
}
