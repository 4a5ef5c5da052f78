package dev.athenaeum.provider;

/**
 * Why a call to a model provider (Ollama, OpenAI or a compatible service) failed, in the terms a person can act on.
 * Embedding and chat explain the same failures in their own words; this is what they agree on.
 */
public enum ProviderFailure {
    /** Nothing answers at the address: the service is not running, or the host or port is wrong. */
    UNREACHABLE,
    /** The service does not have the model (Ollama: not pulled). */
    MODEL_NOT_FOUND,
    /** The key is missing, wrong or revoked (401/403). */
    UNAUTHORIZED,
    /** Too many requests (429). */
    RATE_LIMITED,
    /** The service did not answer in time. */
    TIMEOUT,
    /** The service refused the request as malformed (400/422), e.g. a prompt too long for the model. */
    BAD_REQUEST,
    /** Anything else, such as a server error. */
    FAILED
}
