package dev.athenaeum.deploy.template;

import com.fasterxml.jackson.databind.node.ObjectNode;

import static dev.athenaeum.deploy.template.Cfn.getAtt;
import static dev.athenaeum.deploy.template.Cfn.obj;
import static dev.athenaeum.deploy.template.Cfn.ref;
import static dev.athenaeum.deploy.template.Cfn.resource;

/**
 * A Function URL that streams answers. AuthType NONE: the function checks JWTs itself when auth is on. New URLs
 * need two grants to the public, {@code lambda:InvokeFunctionUrl} and {@code lambda:InvokeFunction} (the latter
 * only through the URL).
 */
final class FunctionUrlResources {

    static final String URL = "FunctionUrl";
    static final String URL_PERMISSION = "FunctionUrlPermission";
    static final String INVOKE_PERMISSION = "FunctionUrlInvokePermission";

    private FunctionUrlResources() {
    }

    static void add(ObjectNode resources, DeploymentSettings s) {
        String function = FunctionResources.urlFunction(s);
        ObjectNode url = obj().put("AuthType", "NONE").put("InvokeMode", "RESPONSE_STREAM");
        url.set("TargetFunctionArn", getAtt(function, "Arn"));
        resources.set(URL, resource("AWS::Lambda::Url", url));

        ObjectNode viaUrl = obj().put("Action", "lambda:InvokeFunctionUrl").put("Principal", "*")
                .put("FunctionUrlAuthType", "NONE");
        viaUrl.set("FunctionName", ref(function));
        resources.set(URL_PERMISSION, resource("AWS::Lambda::Permission", viaUrl));

        ObjectNode invoke = obj().put("Action", "lambda:InvokeFunction").put("Principal", "*")
                .put("InvokedViaFunctionUrl", true);
        invoke.set("FunctionName", ref(function));
        resources.set(INVOKE_PERMISSION, resource("AWS::Lambda::Permission", invoke));
    }
}
