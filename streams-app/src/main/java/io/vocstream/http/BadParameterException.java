package io.vocstream.http;

/** A query or path parameter is missing or invalid; answered with 400 naming the parameter. */
public final class BadParameterException extends RuntimeException {
    private final String parameter;

    public BadParameterException(String parameter, String why) {
        super("parameter '" + parameter + "' " + why);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
