package io.connectsdk.runtime.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

@SuppressWarnings("try") // the swap is used for its scope
class LoaderSwapTest {

    @Test
    void setsTheContextLoaderForTheBlockAndRestoresIt() throws Exception {
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader a = new URLClassLoader(new URL[0]); URLClassLoader b = new URLClassLoader(new URL[0])) {
            try (LoaderSwap outer = LoaderSwap.swap(a)) {
                assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(a);
                try (LoaderSwap inner = LoaderSwap.swap(b)) {
                    assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(b);
                    assertThat(inner.previous()).isSameAs(a);
                }
                assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(a);
            }
        }
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
    }

    @Test
    void forPluginUsesTheLoaderThatDefinedThePluginClass() {
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (LoaderSwap swap = LoaderSwap.forPlugin(new Object())) {
            // java.lang.Object has no loader of its own (bootstrap): the system loader stands in
            assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(ClassLoader.getSystemClassLoader());
        }
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
    }
}
