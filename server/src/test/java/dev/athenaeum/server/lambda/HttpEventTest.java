package dev.athenaeum.server.lambda;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpEventTest {

    @Test
    void readsAnHttpApiGetWithQueryStringAndCookies() throws Exception {
        HttpEvent e = HttpEvent.parse(Events.load("apigw-get-search.json"));

        assertThat(e.method()).isEqualTo("GET");
        assertThat(e.rawPath()).isEqualTo("/search");
        assertThat(e.rawQueryString()).isEqualTo("q=install%20a%20package&k=3&mode=hybrid");
        assertThat(e.cookies()).containsExactly("session=s3cr3t-session", "theme=dark");
        assertThat(e.headers()).containsEntry("x-forwarded-for", "203.0.113.7").containsKey("authorization");
        assertThat(e.sourceIp()).contains("203.0.113.7");
        assertThat(e.body()).isEmpty();
    }

    @Test
    void decodesBase64Bodies() throws Exception {
        HttpEvent e = HttpEvent.parse(Events.load("apigw-post-base64.json"));

        assertThat(e.method()).isEqualTo("PUT");
        assertThat(e.body()).isEqualTo(Base64.getDecoder().decode("iVBORw0KGgoA//4QgH/DvG1sYXV0"));
        assertThat(e.body()).hasSize(21);
    }

    @Test
    void readsAFunctionUrlEvent() throws Exception {
        HttpEvent e = HttpEvent.parse(Events.load("function-url-chat.json"));

        assertThat(e.method()).isEqualTo("POST");
        assertThat(e.rawPath()).isEqualTo("/v1/chat/completions");
        assertThat(e.rawQueryString()).isEmpty();
        assertThat(e.cookies()).isEmpty();
        assertThat(new String(e.body(), StandardCharsets.UTF_8)).contains("\"stream\":true");
    }

    @Test
    void refusesPayloadFormat1WithTheSettingToChange() {
        assertThatThrownBy(() -> HttpEvent.parse(Events.load("apigw-v1-rest.json")))
                .isInstanceOf(UnsupportedEventException.class)
                .hasMessageContaining("payloadFormatVersion 2.0").hasMessageContaining("version 1.0");
    }

    @Test
    void refusesWhatIsNotAnHttpEvent() {
        assertThatThrownBy(() -> HttpEvent.parse("{\"Records\":[]}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnsupportedEventException.class).hasMessageContaining("payload format 2.0");
        assertThatThrownBy(() -> HttpEvent.parse("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnsupportedEventException.class).hasMessage("the event is not JSON");
        String badBase64 = new String(Events.load("apigw-post-base64.json"), StandardCharsets.UTF_8)
                .replace("iVBORw0KGgoA//4QgH/DvG1sYXV0", "***");
        assertThatThrownBy(() -> HttpEvent.parse(badBase64.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnsupportedEventException.class).hasMessageContaining("not base64");
    }
}
