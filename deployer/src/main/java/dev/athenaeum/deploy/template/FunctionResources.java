package dev.athenaeum.deploy.template;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static dev.athenaeum.deploy.template.Cfn.arr;
import static dev.athenaeum.deploy.template.Cfn.getAtt;
import static dev.athenaeum.deploy.template.Cfn.obj;
import static dev.athenaeum.deploy.template.Cfn.ref;
import static dev.athenaeum.deploy.template.Cfn.resource;
import static dev.athenaeum.deploy.template.Cfn.statement;
import static dev.athenaeum.deploy.template.Cfn.sub;

/**
 * The function (two with both front doors: the Function URL's streams, the HTTP API's cannot), its log group with
 * a retention, and an execution role that may do exactly three things: write its own logs, read the index prefix,
 * read the one secret.
 */
final class FunctionResources {

    static final String ROLE = "ExecutionRole";
    static final String FUNCTION = "Function";
    static final String LOG_GROUP = "FunctionLogGroup";
    static final String STREAM_FUNCTION = "StreamFunction";
    static final String STREAM_LOG_GROUP = "StreamFunctionLogGroup";

    private FunctionResources() {
    }

    /** The logical id of the function the Function URL points at. */
    static String urlFunction(DeploymentSettings s) {
        return s.streamingFunctionName().isPresent() ? STREAM_FUNCTION : FUNCTION;
    }

    static void add(ObjectNode resources, DeploymentSettings s) {
        boolean onlyUrl = s.frontDoor() == FrontDoor.FUNCTION_URL;
        addFunction(resources, s, FUNCTION, LOG_GROUP, s.functionName(), onlyUrl);
        s.streamingFunctionName().ifPresent(n -> addFunction(resources, s, STREAM_FUNCTION, STREAM_LOG_GROUP, n, true));
        resources.set(ROLE, role(s));
    }

    private static void addFunction(ObjectNode resources, DeploymentSettings s, String id, String logId,
                                    String name, boolean streaming) {
        // Named after the function so Lambda writes into it, and created first so the retention applies from the start.
        resources.set(logId, resource("AWS::Logs::LogGroup", obj().put("LogGroupName", "/aws/lambda/" + name)
                .put("RetentionInDays", s.logRetentionDays())));
        ObjectNode props = obj().put("FunctionName", name).put("PackageType", "Image")
                .put("MemorySize", s.memoryMb()).put("Timeout", s.timeoutSeconds());
        props.set("Code", obj().set("ImageUri", ref(TemplateParameters.IMAGE_URI)));
        props.set("Role", getAtt(ROLE, "Arn"));
        props.set("EphemeralStorage", obj().put("Size", s.ephemeralStorageMb()));
        props.set("Architectures", arr(s.architecture().lambdaName()));
        props.set("Environment", obj().set("Variables", FunctionEnvironment.variables(s, streaming)));
        ObjectNode function = resource("AWS::Lambda::Function", props);
        function.set("DependsOn", arr(logId));
        resources.set(id, function);
    }

    private static ObjectNode role(DeploymentSettings s) {
        ObjectNode trust = obj().put("Effect", "Allow").put("Action", "sts:AssumeRole");
        trust.set("Principal", obj().put("Service", "lambda.amazonaws.com"));
        ObjectNode props = obj();
        props.set("AssumeRolePolicyDocument", Cfn.policyDocument(trust));

        ArrayNode logGroups = arr(getAtt(LOG_GROUP, "Arn"));
        s.streamingFunctionName().ifPresent(n -> logGroups.add(getAtt(STREAM_LOG_GROUP, "Arn")));
        ArrayNode policies = arr(
                policy("write-own-logs", statement("Allow", arr("logs:CreateLogStream", "logs:PutLogEvents"), logGroups)),
                policy("read-index", readIndex(), listIndex()));
        if (s.openAiKeySecret()) {
            policies.add(policy("read-openai-key", statement("Allow", arr("secretsmanager:GetSecretValue"),
                    ref(TemplateParameters.OPENAI_KEY_SECRET_ARN))));
        }
        props.set("Policies", policies);
        return resource("AWS::IAM::Role", props);
    }

    private static ObjectNode readIndex() {
        return statement("Allow", arr("s3:GetObject"),
                sub("${" + IndexBucketResources.BUCKET + ".Arn}/" + DeploymentSettings.INDEX_ROOT + "/*"));
    }

    private static ObjectNode listIndex() {
        ObjectNode list = statement("Allow", arr("s3:ListBucket"), getAtt(IndexBucketResources.BUCKET, "Arn"));
        list.set("Condition", obj().set("StringLike",
                obj().set("s3:prefix", arr(DeploymentSettings.INDEX_ROOT + "/*"))));
        return list;
    }

    private static ObjectNode policy(String name, ObjectNode... statements) {
        ObjectNode p = obj().put("PolicyName", name);
        p.set("PolicyDocument", Cfn.policyDocument(statements));
        return p;
    }
}
