package io.vocstream.schemas.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.util.Collections;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/** Builds the TLS context of the registry client from JKS or PKCS12 key and trust stores. */
final class SslContexts {

    /** A key or trust store as configured, with the names of the settings it came from (for error messages). */
    record Store(String location, String locationSetting, Password password, String passwordSetting, String type) {
        @Override
        public String toString() {
            return location + " (" + type + ")";
        }
    }

    private SslContexts() {
    }

    /**
     * A TLS context trusting the certificates of {@code trustStore} (the JVM's default trust if null) and presenting
     * the key of {@code keyStore} (none if null), unlocked with {@code keyPassword} or, if that is null, with the
     * key store's password.
     *
     * @throws ConfigException naming the setting whose store or password cannot be used
     */
    static SSLContext load(Store trustStore, Store keyStore, Password keyPassword) {
        TrustManager[] trustManagers = trustStore == null ? null : trustManagers(trustStore);
        KeyManager[] keyManagers = keyStore == null ? null : keyManagers(keyStore, keyPassword);
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, trustManagers, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new ConfigException("Cannot create a TLS context for the schema registry: " + e.getMessage());
        }
    }

    private static TrustManager[] trustManagers(Store store) {
        KeyStore keyStore = read(store);
        if (isEmpty(store, keyStore)) {
            throw new ConfigException(store.locationSetting(), store.location(), "the " + store.type()
                    + " store holds no certificate to trust");
        }
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(keyStore);
            return factory.getTrustManagers();
        } catch (GeneralSecurityException e) {
            throw new ConfigException(store.locationSetting(), store.location(), "cannot trust its certificates: "
                    + e.getMessage());
        }
    }

    private static KeyManager[] keyManagers(Store store, Password keyPassword) {
        KeyStore keyStore = read(store);
        if (!hasPrivateKey(store, keyStore)) {
            throw new ConfigException(store.locationSetting(), store.location(), "the " + store.type()
                    + " store holds no private key");
        }
        try {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keyStore, chars(keyPassword != null ? keyPassword : store.password()));
            return factory.getKeyManagers();
        } catch (GeneralSecurityException e) {
            String passwordSetting = keyPassword != null ? RegistryClientConfig.SSL_KEY_PASSWORD
                    : store.passwordSetting();
            throw new ConfigException("Configuration " + passwordSetting + " does not unlock the private key in "
                    + store.location() + ": " + e.getMessage());
        }
    }

    private static KeyStore read(Store store) {
        try (InputStream in = Files.newInputStream(Path.of(store.location()))) {
            KeyStore keyStore = KeyStore.getInstance(store.type());
            keyStore.load(in, chars(store.password()));
            return keyStore;
        } catch (IOException | GeneralSecurityException e) {
            throw unreadable(store, e);
        }
    }

    private static boolean isEmpty(Store store, KeyStore keyStore) {
        try {
            return keyStore.size() == 0;
        } catch (KeyStoreException e) {
            throw unreadable(store, e);
        }
    }

    private static boolean hasPrivateKey(Store store, KeyStore keyStore) {
        try {
            for (String alias : Collections.list(keyStore.aliases())) {
                if (keyStore.isKeyEntry(alias)) {
                    return true;
                }
            }
            return false;
        } catch (KeyStoreException e) {
            throw unreadable(store, e);
        }
    }

    private static ConfigException unreadable(Store store, Exception e) {
        return new ConfigException(store.locationSetting(), store.location(), "cannot read it as a " + store.type()
                + " store (check also " + store.passwordSetting() + "): " + e);
    }

    private static char[] chars(Password password) {
        return password == null ? null : password.value().toCharArray();
    }
}
