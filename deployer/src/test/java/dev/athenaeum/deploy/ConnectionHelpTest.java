package dev.athenaeum.deploy;

import dev.athenaeum.deploy.stack.StackOutputs;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionHelpTest {

    @Test
    void withJwtEveryExampleCarriesABearerPlaceholderAndMcpIsUnderTheApi() {
        String text = ConnectionHelp.of(outputs(Optional.of(URI.create("https://abc.execute-api.eu-west-1.amazonaws.com/")),
                Optional.of(URI.create("https://xyz.lambda-url.eu-west-1.on.aws/"))), true);

        assertThat(text).contains("curl https://abc.execute-api.eu-west-1.amazonaws.com/health")
                .contains("curl -H 'Authorization: Bearer <token>' -H 'Content-Type: application/json'")
                .contains("https://abc.execute-api.eu-west-1.amazonaws.com/search")
                .contains("MCP clients (streamable HTTP): https://abc.execute-api.eu-west-1.amazonaws.com/mcp with the header"
                        + " Authorization: Bearer <token>")
                .contains("use the Function URL https://xyz.lambda-url.eu-west-1.on.aws/");
    }

    @Test
    void withoutAuthenticationThereIsNoTokenAndWithoutAUrlNoExamples() {
        String open = ConnectionHelp.of(outputs(Optional.empty(), Optional.of(URI.create("https://xyz.lambda-url.eu-west-1.on.aws/"))), false);
        assertThat(open).contains("https://xyz.lambda-url.eu-west-1.on.aws/mcp").doesNotContain("Bearer");

        String none = ConnectionHelp.of(outputs(Optional.empty(), Optional.empty()), false);
        assertThat(none).contains("The stack reports no URL").doesNotContain("curl");
    }

    private static StackOutputs outputs(Optional<URI> api, Optional<URI> url) {
        return new StackOutputs("athenaeum-kb-dev", "CREATE_COMPLETE", api, url, "bucket-1", "athenaeum-kb-dev",
                Optional.empty(), Optional.of("kb/"));
    }
}
