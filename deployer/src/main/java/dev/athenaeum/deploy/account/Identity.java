package dev.athenaeum.deploy.account;

import java.util.Objects;

/**
 * Who the credentials belong to, as STS reports it.
 *
 * @param account the 12-digit account id
 * @param arn     the caller's ARN (user, assumed role or SSO session)
 * @param userId  the caller's unique id
 */
public record Identity(String account, String arn, String userId) {

    public Identity {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(userId, "userId");
    }

    /** The last part of the ARN: the user, or the role and session name. */
    public String displayName() {
        int slash = arn.indexOf('/');
        return slash < 0 ? arn : arn.substring(slash + 1);
    }
}
