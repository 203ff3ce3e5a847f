package io.connectsdk.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RouterTest {
    private final Router router = new Router()
            .get("/", r -> Response.empty(200))
            .get("/connectors/{name}", r -> Response.empty(200))
            .change("DELETE", "/connectors/{name}", r -> Response.empty(204))
            .get("/connectors/{name}/tasks/{task}/status", r -> Response.empty(200));

    @Test
    void matchesTemplatesAndBindsDecodedVariables() {
        Router.Match m = router.match("GET", "/connectors/a%2Fb%20c+d/tasks/3/status");
        assertThat(m.found()).isTrue();
        assertThat(m.variables()).containsEntry("name", "a/b c+d").containsEntry("task", "3");
        assertThat(router.match("GET", "/").found()).isTrue();
        assertThat(router.match("GET", "/connectors/x/").variables()).containsEntry("name", "x");
    }

    @Test
    void reportsAllowedMethodsOfAKnownPathAndNothingForAnUnknownOne() {
        Router.Match wrongMethod = router.match("PUT", "/connectors/x");
        assertThat(wrongMethod.found()).isFalse();
        assertThat(wrongMethod.pathKnown()).isTrue();
        assertThat(wrongMethod.allowedMethods()).containsExactly("GET", "DELETE");
        Router.Match unknown = router.match("GET", "/connectors/x/nothing");
        assertThat(unknown.pathKnown()).isFalse();
        assertThat(router.match("GET", "/connectors//tasks/1/status").pathKnown()).as("empty name").isFalse();
        assertThat(router.match("DELETE", "/connectors/x").route().change()).isTrue();
    }

    @Test
    void aReadRouteOfAnotherMethodIsNotAChange() {
        Router r = new Router()
                .get("/connector-plugins/{plugin}/config", x -> Response.empty(200))
                .read("PUT", "/connector-plugins/{plugin}/config/validate", x -> Response.empty(200))
                .change("PUT", "/connectors/{name}/config", x -> Response.empty(200));
        Router.Match m = r.match("PUT", "/connector-plugins/Foo/config/validate");
        assertThat(m.found()).isTrue();
        assertThat(m.route().change()).isFalse();
        assertThat(m.variables()).containsEntry("plugin", "Foo");
        assertThat(r.readMethods("/connector-plugins/Foo/config/validate")).containsExactly("PUT");
        assertThat(r.readMethods("/connectors/x/config")).isEmpty();
        assertThat(r.match("PUT", "/connectors/x/config").route().change()).isTrue();
    }

    @Test
    void malformedPercentEncodingIsABadRequestNamingTheSegment() {
        assertThatThrownBy(() -> router.match("GET", "/connectors/bad%zz"))
                .isInstanceOfSatisfying(RestException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("'bad%zz'");
        assertThatThrownBy(() -> Router.decode("%C3")).hasMessageContaining("UTF-8");
    }

    @Test
    void encodeIsTheInverseOfDecode() {
        for (String s : List.of("plain", "a b/c+d", "ünïcödé", "100%")) {
            assertThat(Router.decode(Router.encode(s))).isEqualTo(s);
        }
        assertThat(Router.encode("a b/c")).isEqualTo("a%20b%2Fc");
    }
}
