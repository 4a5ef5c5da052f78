package dev.athenaeum.deploy.template;

import com.fasterxml.jackson.databind.node.ObjectNode;

import static dev.athenaeum.deploy.template.Cfn.arr;
import static dev.athenaeum.deploy.template.Cfn.getAtt;
import static dev.athenaeum.deploy.template.Cfn.obj;
import static dev.athenaeum.deploy.template.Cfn.ref;
import static dev.athenaeum.deploy.template.Cfn.resource;
import static dev.athenaeum.deploy.template.Cfn.sub;

/** The private bucket the function downloads its index from. */
final class IndexBucketResources {

    static final String BUCKET = "IndexBucket";
    static final String POLICY = "IndexBucketPolicy";

    private IndexBucketResources() {
    }

    static void add(ObjectNode resources, DeploymentSettings s) {
        ObjectNode props = obj();
        s.bucketName().ifPresent(n -> props.put("BucketName", n));
        ObjectNode byDefault = obj().put("SSEAlgorithm", "AES256");
        props.set("BucketEncryption", obj().set("ServerSideEncryptionConfiguration",
                arr(obj().set("ServerSideEncryptionByDefault", byDefault))));
        props.set("PublicAccessBlockConfiguration", obj()
                .put("BlockPublicAcls", true).put("BlockPublicPolicy", true)
                .put("IgnorePublicAcls", true).put("RestrictPublicBuckets", true));
        props.set("OwnershipControls", obj().set("Rules", arr(obj().put("ObjectOwnership", "BucketOwnerEnforced"))));
        if (s.bucketVersioning()) {
            props.set("VersioningConfiguration", obj().put("Status", "Enabled"));
        }
        resources.set(BUCKET, resource("AWS::S3::Bucket", props));

        // Plain HTTP would expose the index in transit; refuse it for every caller, the function included.
        ObjectNode deny = obj().put("Sid", "DenyInsecureTransport").put("Effect", "Deny").put("Principal", "*")
                .put("Action", "s3:*");
        deny.set("Resource", arr(getAtt(BUCKET, "Arn"), sub("${" + BUCKET + ".Arn}/*")));
        deny.set("Condition", obj().set("Bool", obj().put("aws:SecureTransport", "false")));
        ObjectNode policy = obj();
        policy.set("Bucket", ref(BUCKET));
        policy.set("PolicyDocument", Cfn.policyDocument(deny));
        resources.set(POLICY, resource("AWS::S3::BucketPolicy", policy));
    }
}
