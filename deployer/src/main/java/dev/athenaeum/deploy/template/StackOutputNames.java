package dev.athenaeum.deploy.template;

/** The template's outputs, and the logical ids that stand for them when an output cannot be read. */
public final class StackOutputNames {

    public static final String API_URL = "ApiUrl";
    public static final String FUNCTION_URL = "FunctionUrl";
    public static final String BUCKET_NAME = "BucketName";
    public static final String FUNCTION_NAME = "FunctionName";
    public static final String STREAM_FUNCTION_NAME = "StreamFunctionName";

    /** Logical ids of the resources whose physical ids are the bucket and function names. */
    public static final String BUCKET_RESOURCE = IndexBucketResources.BUCKET;
    public static final String FUNCTION_RESOURCE = FunctionResources.FUNCTION;
    public static final String STREAM_FUNCTION_RESOURCE = FunctionResources.STREAM_FUNCTION;

    private StackOutputNames() {
    }
}
