package io.connectsdk.runtime.rest;

import io.connectsdk.api.config.ConfigException;
import io.connectsdk.api.config.Password;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS settings of the https listeners, with Kafka Connect's keys and its "all or nothing" rule: when
 * any key starts with {@code listeners.https.}, only the prefixed keys are used
 * ({@code listeners.https.ssl.keystore.location}, ...); otherwise the plain {@code ssl.*} keys are.
 *
 * <p>Supported: {@code ssl.keystore.location}, {@code ssl.keystore.password},
 * {@code ssl.key.password} (defaults to the keystore password), {@code ssl.keystore.type} (JKS,
 * PKCS12; default JKS), {@code ssl.truststore.location}, {@code ssl.truststore.password},
 * {@code ssl.truststore.type}, {@code ssl.client.auth} (none, requested, required; default none),
 * {@code ssl.protocol} (default TLSv1.3), {@code ssl.enabled.protocols} (default TLSv1.2,TLSv1.3),
 * {@code ssl.cipher.suites}, {@code ssl.keymanager.algorithm}, {@code ssl.trustmanager.algorithm}
 * and {@code ssl.provider}.
 */
final class TlsSettings {
    static final String KEYSTORE_LOCATION = "ssl.keystore.location";
    static final String KEYSTORE_PASSWORD = "ssl.keystore.password";
    static final String KEY_PASSWORD = "ssl.key.password";
    static final String KEYSTORE_TYPE = "ssl.keystore.type";
    static final String TRUSTSTORE_LOCATION = "ssl.truststore.location";
    static final String TRUSTSTORE_PASSWORD = "ssl.truststore.password";
    static final String TRUSTSTORE_TYPE = "ssl.truststore.type";
    static final String CLIENT_AUTH = "ssl.client.auth";
    static final String PROTOCOL = "ssl.protocol";
    static final String ENABLED_PROTOCOLS = "ssl.enabled.protocols";
    static final String CIPHER_SUITES = "ssl.cipher.suites";
    static final String KEYMANAGER_ALGORITHM = "ssl.keymanager.algorithm";
    static final String TRUSTMANAGER_ALGORITHM = "ssl.trustmanager.algorithm";
    static final String PROVIDER = "ssl.provider";

    /** How an https listener asks for client certificates. */
    enum ClientAuth {
        NONE, REQUESTED, REQUIRED
    }

    private final String prefix;
    private final SSLContext context;
    private final ClientAuth clientAuth;
    private final String[] protocols;
    private final String[] cipherSuites;

    private TlsSettings(String prefix, SSLContext context, ClientAuth clientAuth, String[] protocols,
            String[] cipherSuites) {
        this.prefix = prefix;
        this.context = context;
        this.clientAuth = clientAuth;
        this.protocols = protocols;
        this.cipherSuites = cipherSuites;
    }

    /**
     * Reads the settings and loads the key and trust stores.
     *
     * @param config the worker's configuration
     * @return the settings, with a ready {@link SSLContext}
     * @throws ConfigException naming the (prefixed or plain) key at fault
     */
    static TlsSettings parse(Map<String, String> config) {
        boolean prefixed = config.keySet().stream().anyMatch(k -> k.startsWith(RestConfig.HTTPS_PREFIX));
        String prefix = prefixed ? RestConfig.HTTPS_PREFIX : "";
        Map<String, String> ssl = new LinkedHashMap<>();
        config.forEach((k, v) -> {
            if (k.startsWith(prefix + "ssl.")) {
                ssl.put(k.substring(prefix.length()), v);
            }
        });
        Keys keys = new Keys(prefix, ssl);

        String keystoreType = keys.get(KEYSTORE_TYPE, "JKS");
        if (keystoreType.equalsIgnoreCase("PEM")) {
            throw new ConfigException(keys.name(KEYSTORE_TYPE), keystoreType,
                    "PEM key stores are not supported by the REST server; use JKS or PKCS12");
        }
        String keystoreLocation = keys.get(KEYSTORE_LOCATION, null);
        if (keystoreLocation == null) {
            throw new ConfigException(keys.name(KEYSTORE_LOCATION), null,
                    "an https listener needs a key store holding the server's certificate and private key"
                    + (prefixed ? "" : " (set " + RestConfig.HTTPS_PREFIX + KEYSTORE_LOCATION + " or "
                            + KEYSTORE_LOCATION + ")"));
        }
        String keystorePassword = keys.get(KEYSTORE_PASSWORD, null);
        String keyPassword = keys.get(KEY_PASSWORD, keystorePassword);
        KeyStore keyStore = load(keys, KEYSTORE_LOCATION, keystoreLocation, KEYSTORE_TYPE, keystoreType,
                KEYSTORE_PASSWORD, keystorePassword);

        String kmAlgorithm = keys.get(KEYMANAGER_ALGORITHM, KeyManagerFactory.getDefaultAlgorithm());
        KeyManagerFactory kmf;
        try {
            kmf = KeyManagerFactory.getInstance(kmAlgorithm);
        } catch (GeneralSecurityException e) {
            throw new ConfigException(keys.name(KEYMANAGER_ALGORITHM), kmAlgorithm, "unknown algorithm");
        }
        try {
            kmf.init(keyStore, keyPassword == null ? new char[0] : keyPassword.toCharArray());
        } catch (UnrecoverableKeyException e) {
            throw new ConfigException(keys.name(KEY_PASSWORD), keyPassword == null ? null : new Password(keyPassword),
                    "cannot read the private key of key store " + keystoreLocation + ": " + e.getMessage()
                    + (keyPassword == null ? " (set " + keys.name(KEY_PASSWORD) + " or " + keys.name(KEYSTORE_PASSWORD)
                            + ")" : ""));
        } catch (GeneralSecurityException e) {
            throw new ConfigException(keys.name(KEYSTORE_LOCATION), keystoreLocation,
                    "cannot use the key store: " + e.getMessage());
        }

        TrustManagerFactory tmf = null;
        String truststoreLocation = keys.get(TRUSTSTORE_LOCATION, null);
        if (truststoreLocation != null) {
            String truststoreType = keys.get(TRUSTSTORE_TYPE, "JKS");
            if (truststoreType.equalsIgnoreCase("PEM")) {
                throw new ConfigException(keys.name(TRUSTSTORE_TYPE), truststoreType,
                        "PEM trust stores are not supported by the REST server; use JKS or PKCS12");
            }
            KeyStore trustStore = load(keys, TRUSTSTORE_LOCATION, truststoreLocation, TRUSTSTORE_TYPE,
                    truststoreType, TRUSTSTORE_PASSWORD, keys.get(TRUSTSTORE_PASSWORD, null));
            String tmAlgorithm = keys.get(TRUSTMANAGER_ALGORITHM, TrustManagerFactory.getDefaultAlgorithm());
            try {
                tmf = TrustManagerFactory.getInstance(tmAlgorithm);
                tmf.init(trustStore);
            } catch (GeneralSecurityException e) {
                throw new ConfigException(keys.name(TRUSTMANAGER_ALGORITHM), tmAlgorithm,
                        "cannot use it with trust store " + truststoreLocation + ": " + e.getMessage());
            }
        }

        String clientAuthValue = keys.get(CLIENT_AUTH, "none");
        ClientAuth clientAuth;
        try {
            clientAuth = ClientAuth.valueOf(clientAuthValue.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(keys.name(CLIENT_AUTH), clientAuthValue, "must be none, requested or required");
        }

        String protocol = keys.get(PROTOCOL, "TLSv1.3");
        String provider = keys.get(PROVIDER, null);
        SSLContext context;
        try {
            context = provider == null ? SSLContext.getInstance(protocol) : SSLContext.getInstance(protocol, provider);
        } catch (GeneralSecurityException e) {
            throw new ConfigException(provider == null ? keys.name(PROTOCOL) : keys.name(PROVIDER),
                    provider == null ? protocol : provider, "not available in this JVM: " + e.getMessage());
        }
        try {
            context.init(kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
        } catch (GeneralSecurityException e) {
            throw new ConfigException(keys.name(PROTOCOL), protocol, "cannot initialise TLS: " + e.getMessage());
        }

        SSLParameters supported = context.getSupportedSSLParameters();
        String[] protocols = list(keys.get(ENABLED_PROTOCOLS, "TLSv1.2,TLSv1.3"));
        checkSupported(keys.name(ENABLED_PROTOCOLS), protocols, supported.getProtocols(), "protocol");
        String[] ciphers = list(keys.get(CIPHER_SUITES, ""));
        checkSupported(keys.name(CIPHER_SUITES), ciphers, supported.getCipherSuites(), "cipher suite");
        return new TlsSettings(prefix, context, clientAuth, protocols, ciphers.length == 0 ? null : ciphers);
    }

    private static KeyStore load(Keys keys, String locationKey, String location, String typeKey, String type,
            String passwordKey, String password) {
        KeyStore store;
        try {
            store = KeyStore.getInstance(type.trim());
        } catch (GeneralSecurityException e) {
            throw new ConfigException(keys.name(typeKey), type, "unknown store type; use JKS or PKCS12");
        }
        Path path = Path.of(location);
        if (!Files.isReadable(path) || Files.isDirectory(path)) {
            throw new ConfigException(keys.name(locationKey), location, "no readable file at that path");
        }
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, password == null ? null : password.toCharArray());
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw new ConfigException(keys.name(passwordKey), password == null ? null : new Password(password),
                        "cannot open " + location + ": " + e.getMessage());
            }
            throw new ConfigException(keys.name(locationKey), location, "cannot read it as a " + type
                    + " store (" + keys.name(typeKey) + "): " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new ConfigException(keys.name(locationKey), location, "cannot load it: " + e.getMessage());
        }
        return store;
    }

    private static void checkSupported(String key, String[] wanted, String[] supported, String what) {
        List<String> known = Arrays.asList(supported);
        for (String w : wanted) {
            if (!known.contains(w)) {
                throw new ConfigException(key, String.join(",", wanted), "the " + what + " " + w
                        + " is not supported by this JVM");
            }
        }
    }

    private static String[] list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }

    /** The keys as seen by the user: with the prefix, when prefixed keys are in use. */
    private record Keys(String prefix, Map<String, String> values) {
        String get(String key, String fallback) {
            String v = values.get(key);
            return v == null || v.isBlank() ? fallback : v;
        }

        String name(String key) {
            return prefix + key;
        }
    }

    /** @return {@code listeners.https.} when the prefixed keys are in use, else the empty string */
    String prefix() {
        return prefix;
    }

    SSLContext context() {
        return context;
    }

    ClientAuth clientAuth() {
        return clientAuth;
    }

    /** @return the parameters for one TLS connection: protocols, cipher suites, client authentication */
    SSLParameters parameters() {
        SSLParameters params = context.getDefaultSSLParameters();
        params.setProtocols(protocols.clone());
        if (cipherSuites != null) {
            params.setCipherSuites(cipherSuites.clone());
        }
        switch (clientAuth) {
            case REQUIRED -> params.setNeedClientAuth(true);
            case REQUESTED -> params.setWantClientAuth(true);
            default -> {
                params.setNeedClientAuth(false);
                params.setWantClientAuth(false);
            }
        }
        return params;
    }
}
