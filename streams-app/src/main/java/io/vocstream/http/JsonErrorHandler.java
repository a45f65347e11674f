package io.vocstream.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Requests Jetty refuses before they reach a route (a path with a NUL or an ambiguous segment, a header too large)
 * are answered in the API's error shape too, {@code {"error": ..., "detail": ...}}, whatever the client accepts.
 */
final class JsonErrorHandler extends ErrorHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected boolean generateAcceptableResponse(Request request, Response response, Callback callback,
            String contentType, List<Charset> charsets, int code, String message, Throwable cause) throws IOException {
        return super.generateAcceptableResponse(request, response, callback, MimeTypes.Type.APPLICATION_JSON.asString(),
                charsets, code, message, cause);
    }

    @Override
    protected void writeErrorJson(Request request, PrintWriter writer, int code, String message, Throwable cause) {
        String reason = HttpStatus.getMessage(code);
        String detail = "the server refused the request before any route saw it"
                + (message == null || message.equals(reason) ? "" : ": " + message);
        try {
            writer.write(JSON.writeValueAsString(new ApiError(reason.toLowerCase(Locale.ROOT), detail)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
