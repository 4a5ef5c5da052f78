package dev.athenaeum.deploy.template;

import com.fasterxml.jackson.databind.node.ObjectNode;

import static dev.athenaeum.deploy.template.Cfn.getAtt;
import static dev.athenaeum.deploy.template.Cfn.obj;
import static dev.athenaeum.deploy.template.Cfn.ref;

/** Writes the CloudFormation template for a deployment's settings; the same settings give the same template. */
public final class TemplateGenerator {

    private TemplateGenerator() {
    }

    public static StackTemplate generate(DeploymentSettings s) {
        ObjectNode t = obj().put("AWSTemplateFormatVersion", "2010-09-09")
                .put("Description", "Athenaeum knowledge base " + s.name() + " (" + s.environment().id() + ")");
        t.set("Parameters", parameters(s));
        ObjectNode resources = obj();
        IndexBucketResources.add(resources, s);
        FunctionResources.add(resources, s);
        if (s.frontDoor().hasHttpApi()) {
            HttpApiResources.add(resources, s);
        }
        if (s.frontDoor().hasFunctionUrl()) {
            FunctionUrlResources.add(resources, s);
        }
        t.set("Resources", resources);
        t.set("Outputs", outputs(s));
        return new StackTemplate(t);
    }

    private static ObjectNode parameters(DeploymentSettings s) {
        ObjectNode p = obj();
        p.set(TemplateParameters.IMAGE_URI, obj().put("Type", "String")
                .put("Description", "The server image, by digest").put("AllowedPattern", ".+@sha256:[0-9a-f]{64}"));
        p.set(TemplateParameters.INDEX_PREFIX, obj().put("Type", "String")
                .put("Description", "The index version the function loads")
                .put("AllowedPattern", DeploymentSettings.INDEX_ROOT + "/[A-Za-z0-9._/-]*"));
        if (s.openAiKeySecret()) {
            p.set(TemplateParameters.OPENAI_KEY_SECRET_ARN, obj().put("Type", "String")
                    .put("Description", "The Secrets Manager secret that holds the OpenAI key (its ARN, never the key)")
                    .put("AllowedPattern", "arn:[a-z-]+:secretsmanager:.+"));
        }
        return p;
    }

    private static ObjectNode outputs(DeploymentSettings s) {
        ObjectNode o = obj();
        if (s.frontDoor().hasHttpApi()) {
            o.set(StackOutputNames.API_URL, output("The HTTP API's URL", getAtt(HttpApiResources.API, "ApiEndpoint")));
        }
        if (s.frontDoor().hasFunctionUrl()) {
            o.set(StackOutputNames.FUNCTION_URL, output("The Function URL (streams answers)",
                    getAtt(FunctionUrlResources.URL, "FunctionUrl")));
        }
        o.set(StackOutputNames.BUCKET_NAME, output("The index bucket", ref(IndexBucketResources.BUCKET)));
        o.set(StackOutputNames.FUNCTION_NAME, output("The function", ref(FunctionResources.FUNCTION)));
        if (s.streamingFunctionName().isPresent()) {
            o.set(StackOutputNames.STREAM_FUNCTION_NAME, output("The function behind the Function URL",
                    ref(FunctionResources.STREAM_FUNCTION)));
        }
        return o;
    }

    private static ObjectNode output(String description, ObjectNode value) {
        ObjectNode n = obj().put("Description", description);
        n.set("Value", value);
        return n;
    }
}
