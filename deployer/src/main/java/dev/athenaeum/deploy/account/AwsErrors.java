package dev.athenaeum.deploy.account;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Turns the SDK's failures into one plain line: what is wrong and what to do about it. Any deployment step may
 * use it; the operation says which permission an access denial is about.
 */
public final class AwsErrors {

    private AwsErrors() {
    }

    /**
     * @param operation  what was tried, e.g. "check the credentials"
     * @param permission the IAM action it needs, e.g. "sts:GetCallerIdentity"
     */
    public static String explain(SdkException e, String operation, String permission) {
        if (e instanceof AwsServiceException s && s.awsErrorDetails() != null) {
            String code = s.awsErrorDetails().errorCode() == null ? "" : s.awsErrorDetails().errorCode();
            String message = s.awsErrorDetails().errorMessage();
            return switch (code) {
                case "ExpiredToken", "ExpiredTokenException", "RequestExpired", "TokenRefreshRequired" ->
                        "the AWS session has expired: sign in again (aws sso login, or new temporary credentials)";
                case "InvalidClientTokenId", "UnrecognizedClientException", "InvalidAccessKeyId" ->
                        "AWS does not know these access keys: they were deleted or mistyped; check the profile's keys";
                case "SignatureDoesNotMatch" ->
                        "AWS refused the request signature: the secret access key does not match the access key id";
                case "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AuthorizationError" ->
                        "not allowed to " + operation + ": the credentials need the IAM permission " + permission
                                + (message == null ? "" : " (AWS said: " + message + ")");
                default -> "could not " + operation + ": " + (message == null ? code : message)
                        + (code.isEmpty() ? "" : " (" + code + ")");
            };
        }
        if (e instanceof SdkClientException) {
            Throwable root = rootCause(e);
            if (root instanceof UnknownHostException || root instanceof ConnectException
                    || root instanceof SocketTimeoutException) {
                return "cannot reach AWS to " + operation + " (" + root.getClass().getSimpleName() + ": "
                        + root.getMessage() + "): check the network, proxy or AWS_ENDPOINT_URL";
            }
            String text = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (text.contains("unable to load credentials") || text.contains("no credentials")
                    || text.contains("contained no credentials") || text.contains("profile file contained no")) {
                return "no AWS credentials found: configure a profile (aws configure, or aws configure sso then"
                        + " aws sso login) and choose it, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY";
            }
            if (text.contains("token") && (text.contains("expired") || text.contains("sso"))) {
                return "the AWS sign-in has expired or is missing: run aws sso login for this profile";
            }
        }
        return "could not " + operation + ": " + firstLine(e.getMessage());
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "no reason given";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
