package io.vocstream.http;

/** The JSON body of every error response: what went wrong, and the detail a user needs to fix it. */
public record ApiError(String error, String detail) {
}
