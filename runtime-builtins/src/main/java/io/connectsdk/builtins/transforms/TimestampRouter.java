package io.connectsdk.builtins.transforms;

import io.connectsdk.api.config.AbstractConfig;
import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.connector.ConnectRecord;
import io.connectsdk.api.errors.DataException;
import io.connectsdk.api.transforms.Transform;
import io.connectsdk.builtins.BuiltinVersion;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Map;
import java.util.TimeZone;

/**
 * Renames the record topic from the original topic and the record timestamp, e.g. to write each
 * day to its own table or index; Kafka Connect's {@code TimestampRouter}.
 *
 * <p>Configuration:
 * <ul>
 *   <li>{@code topic.format} (default {@code ${topic}-${timestamp}}): the new topic;
 *       {@code ${topic}} is replaced by the record topic and {@code ${timestamp}} by the formatted
 *       timestamp, every occurrence.</li>
 *   <li>{@code timestamp.format} (default {@code yyyyMMdd}): a {@link SimpleDateFormat} pattern,
 *       applied in UTC; an invalid pattern is a {@code ConfigException}.</li>
 * </ul>
 *
 * <p>Behaviour: a record without timestamp is a {@code DataException}.
 *
 * <p>Thread-safety: one instance per task, called from that task's thread.
 *
 * @param <R> the record type
 */
public class TimestampRouter<R extends ConnectRecord<R>> implements Transform<R> {
    /** Key: the topic format. */
    public static final String TOPIC_FORMAT_CONFIG = "topic.format";
    /** Key: the timestamp format. */
    public static final String TIMESTAMP_FORMAT_CONFIG = "timestamp.format";

    private static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(TOPIC_FORMAT_CONFIG, ConfigDef.Type.STRING, "${topic}-${timestamp}", ConfigDef.Importance.HIGH,
                    "Format of the new topic; ${topic} and ${timestamp} stand for the record topic and the formatted timestamp.")
            .define(TIMESTAMP_FORMAT_CONFIG, ConfigDef.Type.STRING, "yyyyMMdd", ConfigDef.Importance.HIGH,
                    "java.text.SimpleDateFormat pattern for the timestamp, applied in UTC.");

    private String topicFormat;
    private SimpleDateFormat timestampFormat;

    /** Creates the transform; configure it before use. */
    public TimestampRouter() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
        AbstractConfig config = new AbstractConfig(CONFIG_DEF, configs);
        topicFormat = config.getString(TOPIC_FORMAT_CONFIG);
        String pattern = config.getString(TIMESTAMP_FORMAT_CONFIG);
        try {
            timestampFormat = new SimpleDateFormat(pattern);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(TIMESTAMP_FORMAT_CONFIG, pattern, "not a valid SimpleDateFormat pattern: " + e.getMessage());
        }
        timestampFormat.setTimeZone(TimeZone.getTimeZone("UTC"));
    }

    @Override
    public R apply(R record) {
        Long timestamp = record.timestamp();
        if (timestamp == null) {
            throw new DataException("TimestampRouter needs a record timestamp, but the record on topic '" + record.topic()
                    + "' has none");
        }
        String formatted;
        synchronized (timestampFormat) {
            formatted = timestampFormat.format(new Date(timestamp));
        }
        String topic = topicFormat.replace("${topic}", record.topic()).replace("${timestamp}", formatted);
        return record.newRecord(topic, record.kafkaPartition(), record.keySchema(), record.key(),
                record.valueSchema(), record.value(), record.timestamp());
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public void close() {
    }

    @Override
    public String version() {
        return BuiltinVersion.VERSION;
    }
}
