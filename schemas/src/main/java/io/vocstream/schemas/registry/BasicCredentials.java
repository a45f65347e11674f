package io.vocstream.schemas.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/** HTTP basic-auth credentials; the password never appears in {@link #toString()}. */
record BasicCredentials(String username, Password password) {

    /** {@code user:password} split at the first colon (passwords may contain colons), or null without a colon. */
    static BasicCredentials parse(String userInfo) {
        int colon = userInfo.indexOf(':');
        return colon < 0 ? null
                : new BasicCredentials(userInfo.substring(0, colon), new Password(userInfo.substring(colon + 1)));
    }

    /** The credentials of {@code setting}, which must be set to {@code user:password} because {@code reason}. */
    static BasicCredentials fromUserInfoSetting(String setting, Password userInfo, String reason) {
        if (userInfo == null || userInfo.value().isEmpty()) {
            throw new ConfigException("Missing configuration " + setting + ": it must be user:password when "
                    + reason);
        }
        BasicCredentials credentials = parse(userInfo.value());
        if (credentials == null) {
            throw new ConfigException(setting, userInfo, "must be user:password");
        }
        return credentials;
    }

    /** The value of the {@code Authorization} header. */
    String authorization() {
        String pair = username + ":" + password.value();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
