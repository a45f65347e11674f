package io.vocstream.schemas.registry;

/**
 * A request the schema registry refused or could not answer, with the registry's error code (e.g. 40401 subject
 * not found, 40403 schema not found, 409 incompatible schema, 42201 invalid schema) and HTTP status; both are
 * {@code -1} when the registry could not be reached at all.
 */
public class SchemaRegistryException extends RuntimeException {
    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;
    public static final int INCOMPATIBLE_SCHEMA = 409;
    public static final int INVALID_SCHEMA = 42201;

    private final int status;
    private final int errorCode;

    public SchemaRegistryException(String message, int status, int errorCode) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.status = -1;
        this.errorCode = -1;
    }

    /** The HTTP status, or -1 if no answer was received. */
    public int status() {
        return status;
    }

    /** The registry's error code (e.g. 40403), or -1 if no answer was received. */
    public int errorCode() {
        return errorCode;
    }

    /** Whether the registry answered that the subject, version or schema does not exist. */
    public boolean isNotFound() {
        return status == 404;
    }

    /**
     * Whether the registry gave no usable verdict on the request: it could not be reached, timed out, was overloaded
     * or failing (408, 429, 5xx), or refused this client's credentials (401, 403). Such a failure says nothing about
     * the schema or id asked for, and asking again later may succeed.
     */
    public boolean isUnavailable() {
        return status == -1 || status == 401 || status == 403 || status == 408 || status == 429 || status >= 500;
    }
}
