package io.connectsdk.builtins.converters;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectsdk.api.storage.Converter;
import io.connectsdk.api.storage.HeaderConverter;
import io.connectsdk.builtins.BuiltinVersion;
import io.connectsdk.builtins.json.JsonConverter;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The converters are found through META-INF/services, as the runtime finds every plugin. */
class ConverterRegistrationTest {
    private static final List<Class<?>> CONVERTERS = List.of(ByteArrayConverter.class, BooleanConverter.class,
            DoubleConverter.class, FloatConverter.class, IntegerConverter.class, LongConverter.class,
            ShortConverter.class, StringConverter.class, JsonConverter.class);

    @Test
    void everyConverterIsRegistered() {
        List<Class<?>> found = new ArrayList<>();
        for (Converter c : ServiceLoader.load(Converter.class)) {
            found.add(c.getClass());
            assertThat(c.version()).as(c.getClass().getName()).isEqualTo(BuiltinVersion.VERSION);
            assertThat(c.config()).as(c.getClass().getName()).isNotNull();
        }
        assertThat(found).containsAll(CONVERTERS);
    }

    @Test
    void everyHeaderConverterIsRegistered() {
        List<Class<?>> found = new ArrayList<>();
        for (HeaderConverter c : ServiceLoader.load(HeaderConverter.class)) {
            found.add(c.getClass());
            assertThat(c.version()).as(c.getClass().getName()).isEqualTo(BuiltinVersion.VERSION);
        }
        List<Class<?>> expected = new ArrayList<>(CONVERTERS);
        expected.add(SimpleHeaderConverter.class);
        assertThat(found).containsAll(expected);
    }
}
