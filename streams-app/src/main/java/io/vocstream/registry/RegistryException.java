package io.vocstream.registry;

import java.util.List;

/**
 * A failed registry request, carrying the Confluent Schema Registry error code a client branches on (for example
 * 40401 subject not found, 42201 invalid schema). The HTTP status is the code's first three digits.
 */
final class RegistryException extends RuntimeException {
    private final int errorCode;

    private RegistryException(int errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    private RegistryException(int errorCode, String message) {
        this(errorCode, message, null);
    }

    int errorCode() {
        return errorCode;
    }

    /** 40401 → 404, 409 → 409: five-digit codes refine a three-digit HTTP status. */
    int httpStatus() {
        return errorCode >= 1000 ? errorCode / 100 : errorCode;
    }

    static RegistryException badRequest(String message) {
        return new RegistryException(400, message);
    }

    static RegistryException routeNotFound(String method, String path) {
        return new RegistryException(404, "HTTP 404 Not Found: no resource for " + method + " " + path);
    }

    static RegistryException unsupportedMediaType(String contentType, List<String> accepted) {
        return new RegistryException(415, "Unsupported request content type '" + contentType + "'; send one of "
                + accepted);
    }

    static RegistryException missingBody() {
        return new RegistryException(422, "The request body is missing");
    }

    static RegistryException subjectNotFound(String subject) {
        return new RegistryException(40401, "Subject '" + subject + "' not found.");
    }

    static RegistryException versionNotFound(VersionId version) {
        return new RegistryException(40402, "Version " + version + " not found.");
    }

    static RegistryException schemaNotFound() {
        return new RegistryException(40403, "Schema not found");
    }

    static RegistryException schemaNotFound(String id) {
        return new RegistryException(40403, "Schema " + id + " not found");
    }

    static RegistryException subjectSoftDeleted(String subject) {
        return new RegistryException(40404, "Subject '" + subject + "' was soft deleted. Set permanent=true to delete"
                + " permanently");
    }

    static RegistryException subjectNotSoftDeleted(String subject) {
        return new RegistryException(40405, "Subject '" + subject + "' was not deleted first before being"
                + " permanently deleted");
    }

    static RegistryException versionSoftDeleted(String subject, int version) {
        return new RegistryException(40406, "Subject '" + subject + "' Version " + version + " was soft deleted. Set"
                + " permanent=true to delete permanently");
    }

    static RegistryException versionNotSoftDeleted(String subject, int version) {
        return new RegistryException(40407, "Subject '" + subject + "' Version " + version + " was not deleted first"
                + " before being permanently deleted");
    }

    static RegistryException subjectLevelNotConfigured(String subject) {
        return new RegistryException(40408, "Subject '" + subject + "' does not have subject-level compatibility"
                + " configured");
    }

    static RegistryException incompatible(String subject, List<String> incompatibilities) {
        return new RegistryException(409, "Schema being registered is incompatible with an earlier schema for subject"
                + " \"" + subject + "\", details: " + incompatibilities);
    }

    static RegistryException invalidSchema(String message) {
        return new RegistryException(42201, message);
    }

    static RegistryException invalidVersion(String version) {
        return new RegistryException(42202, "The specified version '" + version + "' is not a valid version id."
                + " Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    static RegistryException invalidCompatibilityLevel(String level) {
        return new RegistryException(42203, "Invalid compatibility level '" + level + "'. Valid values are none,"
                + " backward, forward, full, backward_transitive, forward_transitive, and full_transitive");
    }

    static RegistryException storeError(String message, Throwable cause) {
        return new RegistryException(50001, message, cause);
    }
}
