package dev.athenaeum.deploy.account;

import dev.athenaeum.deploy.aws.AwsSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * The first thing every deployment does: ask STS who the credentials belong to. It needs no permission at all, so
 * a failure here is about the credentials or the network, never about policies.
 */
public final class AccountCheck {

    private static final Logger log = LoggerFactory.getLogger(AccountCheck.class);

    private AccountCheck() {
    }

    /** @throws AccountException with a one-line explanation when the credentials cannot be used */
    public static Identity verify(AwsSession session) {
        try (StsClient sts = session.sts()) {
            GetCallerIdentityResponse r = sts.getCallerIdentity();
            Identity id = new Identity(r.account(), r.arn(), r.userId());
            log.info("AWS account {} as {} in {}", id.account(), id.arn(), session.region().id());
            return id;
        } catch (SdkException e) {
            throw new AccountException(AwsErrors.explain(e, "check the credentials with STS",
                    "sts:GetCallerIdentity"), e);
        }
    }
}
