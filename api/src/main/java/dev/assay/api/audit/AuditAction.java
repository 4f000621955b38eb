package dev.assay.api.audit;

import java.util.Locale;

/** What an audit event records. */
public enum AuditAction {
    SIGN_IN,
    UPLOAD,
    ASSISTANT,
    APPLY,
    DOWNLOAD,
    DELETE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AuditAction fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
