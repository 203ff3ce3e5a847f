package io.connectsdk.builtins.predicates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.data.Schema;
import io.connectsdk.api.header.ConnectHeaders;
import io.connectsdk.api.sink.SinkRecord;
import io.connectsdk.builtins.BuiltinVersion;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PredicatesTest {

    private static SinkRecord record(String topic, Object value, ConnectHeaders headers) {
        return new SinkRecord(topic, 0, null, null, Schema.OPTIONAL_STRING_SCHEMA, value, 1L, null, null, headers);
    }

    @Test
    void topicNameMatchesTheWholeTopic() {
        TopicNameMatches<SinkRecord> p = new TopicNameMatches<>();
        p.configure(Map.of("pattern", "orders-.*"));
        assertThat(p.test(record("orders-eu", "v", null))).isTrue();
        assertThat(p.test(record("all-orders-eu", "v", null))).isFalse();
        assertThat(p.test(record("orders", "v", null))).isFalse();
        assertThat(p.version()).isEqualTo(BuiltinVersion.VERSION);
        assertThat(p).hasToString("TopicNameMatches{pattern=orders-.*}");
    }

    @Test
    void topicNameMatchesRejectsBadPatterns() {
        TopicNameMatches<SinkRecord> p = new TopicNameMatches<>();
        assertThatThrownBy(() -> p.configure(Map.of("pattern", "orders-(")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("pattern").hasMessageContaining("orders-(");
        assertThatThrownBy(() -> p.configure(Map.of("pattern", "")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("pattern");
        assertThatThrownBy(() -> p.configure(Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("pattern");
    }

    @Test
    void hasHeaderKeyLooksForAnyHeaderWithTheKey() {
        HasHeaderKey<SinkRecord> p = new HasHeaderKey<>();
        p.configure(Map.of("name", "trace"));
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("other", "x");
        assertThat(p.test(record("t", "v", headers))).isFalse();
        headers.add("trace", null, null);
        assertThat(p.test(record("t", "v", headers))).isTrue();
        assertThat(p.test(record("t", "v", null))).isFalse();
        assertThatThrownBy(() -> new HasHeaderKey<SinkRecord>().configure(Map.of("name", "")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("name");
    }

    @Test
    void recordIsTombstoneWhenTheValueIsNull() {
        RecordIsTombstone<SinkRecord> p = new RecordIsTombstone<>();
        p.configure(Map.of("ignored", "x"));
        assertThat(p.test(record("t", null, null))).isTrue();
        assertThat(p.test(record("t", "", null))).isFalse();
        assertThat(p.config().names()).isEmpty();
    }
}
