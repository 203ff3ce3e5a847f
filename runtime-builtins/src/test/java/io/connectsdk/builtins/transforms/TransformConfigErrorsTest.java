package io.connectsdk.builtins.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.api.config.ConfigDef;
import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.source.SourceRecord;
import io.connectsdk.api.transforms.Transform;
import io.connectsdk.builtins.BuiltinVersion;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad configuration of every transform is a ConfigException naming the culprit key. */
class TransformConfigErrorsTest {

    static Stream<Arguments> badConfigs() {
        return Stream.of(
                bad(new InsertField.Value<SourceRecord>(), "static.value", "static.field", "s"),
                bad(new InsertField.Key<SourceRecord>(), "topic.field"),
                bad(new InsertField.Value<SourceRecord>(), "replace.null.with.default", "topic.field", "t",
                        "replace.null.with.default", "maybe"),
                bad(new ExtractField.Value<SourceRecord>(), "field"),
                bad(new ExtractField.Key<SourceRecord>(), "field.syntax.version", "field", "a", "field.syntax.version", "V9"),
                bad(new ReplaceField.Value<SourceRecord>(), "renames", "renames", "a:b:c"),
                bad(new ReplaceField.Value<SourceRecord>(), "renames", "renames", "a:b,a:c"),
                bad(new ReplaceField.Key<SourceRecord>(), "exclude", "exclude", "a,,b"),
                bad(new MaskField.Value<SourceRecord>(), "fields"),
                bad(new MaskField.Value<SourceRecord>(), "fields", "fields", ""),
                bad(new MaskField.Key<SourceRecord>(), "replacement", "fields", "a", "replacement", ""),
                bad(new Cast.Value<SourceRecord>(), "spec"),
                bad(new Cast.Value<SourceRecord>(), "spec", "spec", "a:bytes"),
                bad(new Cast.Value<SourceRecord>(), "spec", "spec", "a:int8,string"),
                bad(new Cast.Key<SourceRecord>(), "spec", "spec", "a:int8,a:int16"),
                bad(new Cast.Key<SourceRecord>(), "spec", "spec", ":int8"),
                bad(new HoistField.Value<SourceRecord>(), "field"),
                bad(new ValueToKey<SourceRecord>(), "fields", "fields", ""),
                bad(new RegexRouter<SourceRecord>(), "regex", "regex", "(a", "replacement", "x"),
                bad(new RegexRouter<SourceRecord>(), "replacement", "regex", "(a)", "replacement", "$2"),
                bad(new RegexRouter<SourceRecord>(), "replacement", "regex", "a"),
                bad(new TimestampRouter<SourceRecord>(), "timestamp.format", "timestamp.format", "yyyy-qq"),
                bad(new TimestampConverter.Value<SourceRecord>(), "target.type"),
                bad(new TimestampConverter.Value<SourceRecord>(), "target.type", "target.type", "timestamp"),
                bad(new TimestampConverter.Value<SourceRecord>(), "format", "target.type", "string"),
                bad(new TimestampConverter.Value<SourceRecord>(), "format", "target.type", "unix", "format", "yyyy-qq"),
                bad(new TimestampConverter.Key<SourceRecord>(), "unix.precision", "target.type", "unix", "unix.precision", "days"),
                bad(new SetSchemaMetadata.Value<SourceRecord>(), "schema.name"),
                bad(new SetSchemaMetadata.Value<SourceRecord>(), "schema.version", "schema.version", "one"),
                bad(new InsertHeader<SourceRecord>(), "header", "value.literal", "x"),
                bad(new InsertHeader<SourceRecord>(), "value.literal", "header", "h"),
                bad(new DropHeaders<SourceRecord>(), "headers", "headers", ""),
                bad(new HeaderFrom.Value<SourceRecord>(), "headers", "fields", "a,b", "headers", "x", "operation", "copy"),
                bad(new HeaderFrom.Value<SourceRecord>(), "operation", "fields", "a", "headers", "x", "operation", "rename"),
                bad(new HeaderFrom.Key<SourceRecord>(), "fields", "fields", "", "headers", "x", "operation", "move"));
    }

    private static Arguments bad(Transform<SourceRecord> transform, String culprit, String... keyValues) {
        Map<String, String> config = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            config.put(keyValues[i], keyValues[i + 1]);
        }
        return Arguments.of(transform.getClass().getName().replace("io.connectsdk.builtins.transforms.", "")
                + " " + config, transform, config, culprit);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badConfigs")
    void badConfigurationNamesTheKey(String name, Transform<SourceRecord> transform, Map<String, String> config,
                                     String culprit) {
        assertThatThrownBy(() -> transform.configure(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(culprit);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badConfigs")
    void everyKeyIsDocumentedAndTheVersionIsTheBuiltinOne(String name, Transform<SourceRecord> transform,
                                                         Map<String, String> config, String culprit) {
        ConfigDef def = transform.config();
        assertThat(def).isNotNull();
        for (ConfigDef.ConfigKey key : def.configKeys().values()) {
            assertThat(key.documentation()).as(key.name()).isNotBlank();
        }
        assertThat(transform.version()).isEqualTo(BuiltinVersion.VERSION).isNotBlank();
    }
}
