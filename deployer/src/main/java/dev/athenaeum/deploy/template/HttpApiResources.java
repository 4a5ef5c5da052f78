package dev.athenaeum.deploy.template;

import com.fasterxml.jackson.databind.node.ObjectNode;

import static dev.athenaeum.deploy.template.Cfn.arr;
import static dev.athenaeum.deploy.template.Cfn.getAtt;
import static dev.athenaeum.deploy.template.Cfn.obj;
import static dev.athenaeum.deploy.template.Cfn.ref;
import static dev.athenaeum.deploy.template.Cfn.resource;
import static dev.athenaeum.deploy.template.Cfn.sub;

/**
 * The API Gateway HTTP API in front of the function: every path to it (payload format 2.0, what the Lambda entry
 * reads), CORS answered at the edge, and with JWT auth an authorizer on every route but the open ones.
 */
final class HttpApiResources {

    static final String API = "HttpApi";
    static final String INTEGRATION = "HttpApiIntegration";
    static final String AUTHORIZER = "HttpApiAuthorizer";
    static final String DEFAULT_ROUTE = "HttpApiDefaultRoute";
    static final String STAGE = "HttpApiStage";
    static final String PERMISSION = "HttpApiInvokePermission";

    /** Open without a token, as on the local server. */
    private static final String[][] OPEN_ROUTES = {{"HttpApiHealthRoute", "GET /health"},
            {"HttpApiOpenApiRoute", "GET /openapi.json"}};

    private HttpApiResources() {
    }

    static void add(ObjectNode resources, DeploymentSettings s) {
        ObjectNode api = obj().put("Name", s.stackName()).put("ProtocolType", "HTTP")
                .put("Description", "Athenaeum knowledge base " + s.name() + " (" + s.environment().id() + ")");
        if (!s.corsOrigins().isEmpty()) {
            ObjectNode cors = obj().put("MaxAge", 600);
            cors.set("AllowOrigins", arr(s.corsOrigins().toArray()));
            cors.set("AllowMethods", arr("GET", "POST", "OPTIONS"));
            cors.set("AllowHeaders", arr("authorization", "content-type", "mcp-protocol-version", "mcp-session-id"));
            api.set("CorsConfiguration", cors);
        }
        resources.set(API, resource("AWS::ApiGatewayV2::Api", api));

        ObjectNode integration = apiChild().put("IntegrationType", "AWS_PROXY").put("PayloadFormatVersion", "2.0")
                .put("TimeoutInMillis", DeploymentSettings.HTTP_API_TIMEOUT_SECONDS * 1000);
        integration.set("IntegrationUri", getAtt(FunctionResources.FUNCTION, "Arn"));
        resources.set(INTEGRATION, resource("AWS::ApiGatewayV2::Integration", integration));

        ObjectNode defaultRoute = route("$default");
        s.jwt().ifPresentOrElse(jwt -> {
            ObjectNode authorizer = apiChild().put("AuthorizerType", "JWT").put("Name", "jwt");
            authorizer.set("IdentitySource", arr("$request.header.Authorization"));
            ObjectNode config = obj().put("Issuer", jwt.issuer().toString());
            config.set("Audience", arr(jwt.audience()));
            authorizer.set("JwtConfiguration", config);
            resources.set(AUTHORIZER, resource("AWS::ApiGatewayV2::Authorizer", authorizer));
            defaultRoute.put("AuthorizationType", "JWT").set("AuthorizerId", ref(AUTHORIZER));
            for (String[] open : OPEN_ROUTES) {
                resources.set(open[0], resource("AWS::ApiGatewayV2::Route", route(open[1]).put("AuthorizationType", "NONE")));
            }
            if (!s.corsOrigins().isEmpty()) {
                // $default would demand a token from browsers' preflight requests, which never carry one.
                resources.set("HttpApiPreflightRoute", resource("AWS::ApiGatewayV2::Route",
                        route("OPTIONS /{proxy+}").put("AuthorizationType", "NONE")));
            }
        }, () -> defaultRoute.put("AuthorizationType", "NONE"));
        resources.set(DEFAULT_ROUTE, resource("AWS::ApiGatewayV2::Route", defaultRoute));

        ObjectNode stage = apiChild().put("StageName", "$default").put("AutoDeploy", true);
        resources.set(STAGE, resource("AWS::ApiGatewayV2::Stage", stage));

        ObjectNode permission = obj().put("Action", "lambda:InvokeFunction").put("Principal", "apigateway.amazonaws.com");
        permission.set("FunctionName", ref(FunctionResources.FUNCTION));
        permission.set("SourceArn", sub("arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${" + API + "}/*"));
        resources.set(PERMISSION, resource("AWS::Lambda::Permission", permission));
    }

    private static ObjectNode apiChild() {
        ObjectNode n = obj();
        n.set("ApiId", ref(API));
        return n;
    }

    private static ObjectNode route(String key) {
        ObjectNode r = apiChild().put("RouteKey", key);
        r.set("Target", sub("integrations/${" + INTEGRATION + "}"));
        return r;
    }
}
