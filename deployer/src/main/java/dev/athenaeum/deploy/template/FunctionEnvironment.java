package dev.athenaeum.deploy.template;

import com.fasterxml.jackson.databind.node.ObjectNode;

import static dev.athenaeum.deploy.template.Cfn.obj;
import static dev.athenaeum.deploy.template.Cfn.ref;

/**
 * The function's environment variables, named as the server's Lambda entry reads them. Never a secret: the OpenAI
 * key is passed as the ARN of the secret that holds it, which only the execution role may read.
 */
final class FunctionEnvironment {

    private FunctionEnvironment() {
    }

    static ObjectNode variables(DeploymentSettings s, boolean streaming) {
        ObjectNode v = obj();
        v.set("ATHENAEUM_INDEX_BUCKET", ref(IndexBucketResources.BUCKET));
        v.set("ATHENAEUM_INDEX_PREFIX", ref(TemplateParameters.INDEX_PREFIX));
        if (s.openAiKeySecret()) {
            v.set("OPENAI_API_KEY_SECRET_ARN", ref(TemplateParameters.OPENAI_KEY_SECRET_ARN));
        }
        v.put("ATHENAEUM_RESPONSE_STREAMING", Boolean.toString(streaming));
        // The function checks tokens itself too: a Function URL has no authorizer, and behind the HTTP API the
        // second check costs one key download per cold start.
        s.jwt().ifPresentOrElse(jwt -> v.put("ATHENAEUM_AUTH", "jwt")
                .put("ATHENAEUM_JWT_ISSUER", jwt.issuer().toString())
                .put("ATHENAEUM_JWT_AUDIENCE", jwt.audience())
                .put("ATHENAEUM_JWKS_URL", jwt.jwksUrl().toString()),
                () -> v.put("ATHENAEUM_AUTH", "none"));
        // Behind the HTTP API, API Gateway answers CORS itself and drops the function's headers; a Function URL
        // passes the server's through.
        if (streaming && !s.corsOrigins().isEmpty()) {
            v.put("ATHENAEUM_CORS_ORIGINS", String.join(",", s.corsOrigins()));
        }
        v.put("ATHENAEUM_CHAT_PROVIDER", s.chatProvider().id());
        s.chatModel().ifPresent(m -> v.put("ATHENAEUM_CHAT_MODEL", m));
        s.chatBaseUrl().ifPresent(u -> v.put("ATHENAEUM_CHAT_BASE_URL", u));
        return v;
    }
}
