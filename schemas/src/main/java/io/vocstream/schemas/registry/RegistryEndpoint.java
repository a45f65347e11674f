package io.vocstream.schemas.registry;

import java.net.URI;
import java.net.URISyntaxException;
import org.apache.kafka.common.config.ConfigException;

/**
 * One configured registry URL: its base (scheme, host, port and any path prefix, without credentials or trailing
 * slash) and the basic-auth credentials to send to it, if any.
 */
record RegistryEndpoint(URI baseUri, BasicCredentials credentials) {

    /**
     * Parses one entry of {@code setting}. With {@code credentialsFromUrl} the URL's {@code user:password@} part
     * becomes its credentials; otherwise that part is dropped and {@code configured} (possibly null) applies.
     */
    static RegistryEndpoint parse(String setting, String url, boolean credentialsFromUrl,
            BasicCredentials configured) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw invalid(setting, url, "not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw invalid(setting, url, "must be an http:// or https:// URL");
        }
        if (uri.getHost() == null) {
            throw invalid(setting, url, "has no host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(setting, url, "must not have a query or fragment");
        }
        BasicCredentials credentials = configured;
        if (credentialsFromUrl && uri.getUserInfo() != null) {
            credentials = BasicCredentials.parse(uri.getUserInfo());
            if (credentials == null) {
                throw invalid(setting, url, "its user info must be user:password");
            }
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        URI base = URI.create(scheme.toLowerCase(java.util.Locale.ROOT) + "://" + uri.getHost() + port + path);
        return new RegistryEndpoint(base, credentials);
    }

    /** The URI of {@code pathAndQuery} (starting with '/', already encoded) on this registry. */
    URI resolve(String pathAndQuery) {
        return URI.create(baseUri + pathAndQuery);
    }

    /** {@code url} with any {@code user:password@} part masked, for error messages. */
    static String redact(String url) {
        return url.replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://)?.*@", "$1***@");
    }

    private static ConfigException invalid(String setting, String url, String problem) {
        // Not ConfigException(name, value, message): the value may carry a password.
        return new ConfigException("Invalid value " + redact(url) + " for configuration " + setting + ": " + problem);
    }

    @Override
    public String toString() {
        return credentials == null ? baseUri.toString() : baseUri + " as " + credentials.username();
    }
}
