package dev.athenaeum.deploy.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.athenaeum.chat.ChatProvider;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The parts moto's CloudFormation skips (API Gateway v2, Function URLs, bucket policy, permissions), read in the template. */
class TemplateContentTest {

    private static final DeploymentSettings RICH = Settings.base().frontDoor(FrontDoor.BOTH).timeoutSeconds(300)
            .jwt(Settings.jwt()).openAiKeySecret(true).chatProvider(ChatProvider.OPENAI).chatModel("gpt-4o-mini")
            .corsOrigins(List.of("https://app.example.com")).architecture(Architecture.ARM64).build();

    private final JsonNode t = TemplateGenerator.generate(RICH).tree();
    private final JsonNode r = t.path("Resources");

    @Test
    void theBucketIsEncryptedPrivateAndTlsOnly() {
        JsonNode bucket = props("IndexBucket");
        assertThat(bucket.at("/BucketEncryption/ServerSideEncryptionConfiguration/0/ServerSideEncryptionByDefault/SSEAlgorithm")
                .asText()).isEqualTo("AES256");
        JsonNode block = bucket.path("PublicAccessBlockConfiguration");
        assertThat(List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"))
                .allSatisfy(k -> assertThat(block.path(k).asBoolean(false)).as(k).isTrue());
        JsonNode deny = props("IndexBucketPolicy").at("/PolicyDocument/Statement/0");
        assertThat(deny.path("Effect").asText()).isEqualTo("Deny");
        assertThat(deny.path("Principal").asText()).isEqualTo("*");
        assertThat(deny.at("/Condition/Bool/aws:SecureTransport").asText()).isEqualTo("false");
        assertThat(deny.path("Resource").toString()).contains("IndexBucket.Arn}/*").contains("\"Fn::GetAtt\"");
    }

    @Test
    void theRoleMayWriteItsLogsReadTheIndexPrefixAndTheOneSecretOnly() {
        List<String> grants = new ArrayList<>();
        for (JsonNode policy : props("ExecutionRole").path("Policies")) {
            for (JsonNode st : policy.at("/PolicyDocument/Statement")) {
                assertThat(st.path("Effect").asText()).isEqualTo("Allow");
                assertThat(st.path("Resource").toString()).doesNotContain("\"*\"");
                st.path("Action").forEach(a -> grants.add(a.asText() + " on " + st.path("Resource")));
            }
        }
        assertThat(grants).hasSize(5);
        assertThat(grants).anySatisfy(g -> assertThat(g).startsWith("logs:PutLogEvents").contains("FunctionLogGroup")
                .contains("StreamFunctionLogGroup"));
        assertThat(grants).anySatisfy(g -> assertThat(g).startsWith("logs:CreateLogStream"));
        assertThat(grants).anySatisfy(g -> assertThat(g).isEqualTo("s3:GetObject on {\"Fn::Sub\":\"${IndexBucket.Arn}/kb/*\"}"));
        assertThat(grants).anySatisfy(g -> assertThat(g).startsWith("s3:ListBucket on {\"Fn::GetAtt\":[\"IndexBucket\",\"Arn\"]}"));
        assertThat(grants).anySatisfy(g -> assertThat(g).isEqualTo("secretsmanager:GetSecretValue on {\"Ref\":\"OpenAiKeySecretArn\"}"));
        assertThat(props("ExecutionRole").at("/Policies/1/PolicyDocument/Statement/1/Condition/StringLike/s3:prefix/0")
                .asText()).isEqualTo("kb/*");
    }

    @Test
    void theFunctionRunsTheImageWithItsSettingsAndNoSecret() {
        JsonNode fn = props("Function");
        assertThat(fn.path("PackageType").asText()).isEqualTo("Image");
        assertThat(fn.at("/Code/ImageUri/Ref").asText()).isEqualTo("ImageUri");
        assertThat(fn.path("MemorySize").asInt()).isEqualTo(2048);
        assertThat(fn.path("Timeout").asInt()).isEqualTo(300);
        assertThat(fn.at("/EphemeralStorage/Size").asInt()).isEqualTo(1024);
        assertThat(fn.at("/Architectures/0").asText()).isEqualTo("arm64");
        JsonNode env = fn.at("/Environment/Variables");
        assertThat(env.at("/ATHENAEUM_INDEX_BUCKET/Ref").asText()).isEqualTo("IndexBucket");
        assertThat(env.at("/ATHENAEUM_INDEX_PREFIX/Ref").asText()).isEqualTo("IndexPrefix");
        assertThat(env.at("/OPENAI_API_KEY_SECRET_ARN/Ref").asText()).isEqualTo("OpenAiKeySecretArn");
        assertThat(env.has("OPENAI_API_KEY")).isFalse();
        assertThat(env.path("ATHENAEUM_AUTH").asText()).isEqualTo("jwt");
        assertThat(env.path("ATHENAEUM_JWT_ISSUER").asText()).isEqualTo("https://id.example.com/");
        assertThat(env.path("ATHENAEUM_JWT_AUDIENCE").asText()).isEqualTo("athenaeum");
        assertThat(env.path("ATHENAEUM_JWKS_URL").asText()).isEqualTo("https://id.example.com/.well-known/jwks.json");
        assertThat(env.path("ATHENAEUM_CHAT_PROVIDER").asText()).isEqualTo("openai");
        assertThat(env.path("ATHENAEUM_CHAT_MODEL").asText()).isEqualTo("gpt-4o-mini");
        // Behind the HTTP API the answer is buffered; the Function URL's own function streams and answers CORS.
        assertThat(env.path("ATHENAEUM_RESPONSE_STREAMING").asText()).isEqualTo("false");
        JsonNode streamEnv = props("StreamFunction").at("/Environment/Variables");
        assertThat(streamEnv.path("ATHENAEUM_RESPONSE_STREAMING").asText()).isEqualTo("true");
        assertThat(streamEnv.path("ATHENAEUM_CORS_ORIGINS").asText()).isEqualTo("https://app.example.com");
        assertThat(props("StreamFunction").path("FunctionName").asText()).isEqualTo("athenaeum-notes-dev-stream");
        assertThat(props("FunctionLogGroup").path("LogGroupName").asText()).isEqualTo("/aws/lambda/athenaeum-notes-dev");
        assertThat(props("FunctionLogGroup").path("RetentionInDays").asInt()).isEqualTo(30);
    }

    @Test
    void theHttpApiHasCorsPayload2AJwtAuthorizerAndOpenHealth() {
        assertThat(props("HttpApi").at("/CorsConfiguration/AllowOrigins/0").asText()).isEqualTo("https://app.example.com");
        assertThat(props("HttpApiIntegration").path("PayloadFormatVersion").asText()).isEqualTo("2.0");
        assertThat(props("HttpApiIntegration").at("/IntegrationUri/Fn::GetAtt/0").asText()).isEqualTo("Function");
        JsonNode auth = props("HttpApiAuthorizer");
        assertThat(auth.path("AuthorizerType").asText()).isEqualTo("JWT");
        assertThat(auth.at("/JwtConfiguration/Issuer").asText()).isEqualTo("https://id.example.com/");
        assertThat(auth.at("/JwtConfiguration/Audience/0").asText()).isEqualTo("athenaeum");
        assertThat(props("HttpApiDefaultRoute").path("AuthorizationType").asText()).isEqualTo("JWT");
        assertThat(props("HttpApiDefaultRoute").at("/AuthorizerId/Ref").asText()).isEqualTo("HttpApiAuthorizer");
        assertThat(props("HttpApiHealthRoute").path("RouteKey").asText()).isEqualTo("GET /health");
        assertThat(props("HttpApiHealthRoute").path("AuthorizationType").asText()).isEqualTo("NONE");
        assertThat(props("HttpApiPreflightRoute").path("RouteKey").asText()).isEqualTo("OPTIONS /{proxy+}");
        assertThat(props("HttpApiStage").path("StageName").asText()).isEqualTo("$default");
        assertThat(props("HttpApiStage").path("AutoDeploy").asBoolean()).isTrue();
        assertThat(props("HttpApiInvokePermission").path("Principal").asText()).isEqualTo("apigateway.amazonaws.com");
    }

    @Test
    void theFunctionUrlStreamsAndHasBothPermissions() {
        assertThat(props("FunctionUrl").path("InvokeMode").asText()).isEqualTo("RESPONSE_STREAM");
        assertThat(props("FunctionUrl").path("AuthType").asText()).isEqualTo("NONE");
        assertThat(props("FunctionUrl").at("/TargetFunctionArn/Fn::GetAtt/0").asText()).isEqualTo("StreamFunction");
        assertThat(props("FunctionUrlPermission").path("Action").asText()).isEqualTo("lambda:InvokeFunctionUrl");
        assertThat(props("FunctionUrlPermission").path("FunctionUrlAuthType").asText()).isEqualTo("NONE");
        assertThat(props("FunctionUrlInvokePermission").path("Action").asText()).isEqualTo("lambda:InvokeFunction");
        assertThat(props("FunctionUrlInvokePermission").path("InvokedViaFunctionUrl").asBoolean()).isTrue();
        assertThat(t.path("Outputs").fieldNames()).toIterable()
                .containsExactly("ApiUrl", "FunctionUrl", "BucketName", "FunctionName", "StreamFunctionName");
    }

    @Test
    void eachFrontDoorBringsOnlyItsOwnResources() {
        JsonNode urlOnly = TemplateGenerator.generate(Settings.base().frontDoor(FrontDoor.FUNCTION_URL).build()).tree();
        assertThat(urlOnly.path("Resources").fieldNames()).toIterable().noneMatch(n -> n.startsWith("HttpApi"))
                .doesNotContain("StreamFunction");
        assertThat(urlOnly.at("/Resources/Function/Properties/Environment/Variables/ATHENAEUM_RESPONSE_STREAMING")
                .asText()).isEqualTo("true");
        JsonNode apiOnly = TemplateGenerator.generate(Settings.base().build()).tree();
        assertThat(apiOnly.path("Resources").fieldNames()).toIterable().noneMatch(n -> n.startsWith("FunctionUrl"))
                .doesNotContain("HttpApiAuthorizer");
        assertThat(apiOnly.at("/Resources/HttpApiDefaultRoute/Properties/AuthorizationType").asText()).isEqualTo("NONE");
        assertThat(apiOnly.at("/Resources/Function/Properties/Environment/Variables/ATHENAEUM_AUTH").asText()).isEqualTo("none");
        // No secret, no parameter for it and no grant to read one.
        assertThat(apiOnly.path("Parameters").has("OpenAiKeySecretArn")).isFalse();
        assertThat(apiOnly.toString()).doesNotContain("secretsmanager:GetSecretValue");
    }

    @Test
    void theRichestTemplateFitsInACreateChangeSetRequest() {
        // CloudFormation takes at most 51,200 bytes of template body in the request itself.
        assertThat(TemplateGenerator.generate(RICH).json().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThan(51_200);
    }

    @Test
    void theSameSettingsGiveTheSameTemplate() {
        assertThat(TemplateGenerator.generate(RICH).json()).isEqualTo(TemplateGenerator.generate(RICH).json());
    }

    private JsonNode props(String id) {
        assertThat(r.has(id)).as("resource " + id).isTrue();
        return r.path(id).path("Properties");
    }
}
