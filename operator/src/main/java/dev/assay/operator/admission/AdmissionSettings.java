package dev.assay.operator.admission;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the admission webhook listens and which certificate it serves, from the environment the chart sets.
 *
 * @param port   ASSAY_OPERATOR_WEBHOOK_PORT (default 8443)
 * @param tlsDir ASSAY_OPERATOR_WEBHOOK_TLS_DIR, the mounted TLS Secret holding {@code tls.crt} and {@code tls.key}
 */
public record AdmissionSettings(int port, Path tlsDir) {

    /** The settings when the webhook is configured (its TLS folder given); empty otherwise. */
    public static Optional<AdmissionSettings> fromEnvironment(Map<String, String> env) {
        return Optional.ofNullable(env.get("ASSAY_OPERATOR_WEBHOOK_TLS_DIR"))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .map(dir -> new AdmissionSettings(
                        Optional.ofNullable(env.get("ASSAY_OPERATOR_WEBHOOK_PORT"))
                                .map(String::strip)
                                .filter(v -> !v.isEmpty())
                                .map(Integer::parseInt)
                                .orElse(8443),
                        Path.of(dir)));
    }

    public Path certificate() {
        return tlsDir.resolve("tls.crt");
    }

    public Path key() {
        return tlsDir.resolve("tls.key");
    }
}
