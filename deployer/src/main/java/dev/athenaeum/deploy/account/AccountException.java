package dev.athenaeum.deploy.account;

/** The credentials or the account cannot be used; the message says why in one line and what to do. */
public final class AccountException extends RuntimeException {

    public AccountException(String message, Throwable cause) {
        super(message, cause);
    }
}
