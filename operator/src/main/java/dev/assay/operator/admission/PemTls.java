package dev.assay.operator.admission;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A server TLS context from PEM files as a Kubernetes TLS Secret holds them ({@code tls.crt}, {@code tls.key}). The
 * key may be PKCS#8 ({@code PRIVATE KEY}) or PKCS#1 RSA ({@code RSA PRIVATE KEY}), which is what Helm's
 * {@code genSignedCert} writes and the JDK cannot read directly.
 */
public final class PemTls {

    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private PemTls() {}

    /** The context serving {@code certificate} (the chain, leaf first) with {@code key}. */
    public static SSLContext serverContext(Path certificate, Path key) throws IOException, GeneralSecurityException {
        return serverContext(Files.readString(certificate), Files.readString(key));
    }

    public static SSLContext serverContext(String certificatePem, String keyPem) throws GeneralSecurityException {
        List<Certificate> chain = List.copyOf(CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(certificatePem.getBytes(StandardCharsets.US_ASCII))));
        if (chain.isEmpty()) {
            throw new GeneralSecurityException("no certificate in the PEM text");
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        char[] password = new char[0];
        store.setKeyEntry("webhook", privateKey(keyPem), password, chain.toArray(Certificate[]::new));
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        Matcher block = BLOCK.matcher(pem);
        if (!block.find()) {
            throw new GeneralSecurityException("no PEM block in the key file");
        }
        byte[] der = Base64.getMimeDecoder().decode(block.group(2).strip());
        return switch (block.group(1)) {
            case "PRIVATE KEY" -> pkcs8(der);
            case "RSA PRIVATE KEY" ->
                KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(rsaPkcs8(der)));
            default -> throw new GeneralSecurityException("unsupported key type " + block.group(1));
        };
    }

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        GeneralSecurityException last = new GeneralSecurityException("not an RSA or EC key");
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw last;
    }

    /**
     * Wraps a PKCS#1 RSAPrivateKey in PKCS#8's PrivateKeyInfo: SEQUENCE { INTEGER 0, SEQUENCE { rsaEncryption OID,
     * NULL }, OCTET STRING { the PKCS#1 bytes } }.
     */
    static byte[] rsaPkcs8(byte[] pkcs1) {
        byte[] version = {0x02, 0x01, 0x00};
        byte[] algorithm = {
            0x30,
            0x0d,
            0x06,
            0x09,
            0x2a,
            (byte) 0x86,
            0x48,
            (byte) 0x86,
            (byte) 0xf7,
            0x0d,
            0x01,
            0x01,
            0x01,
            0x05,
            0x00
        };
        byte[] octets = der(0x04, pkcs1);
        byte[] body = new byte[version.length + algorithm.length + octets.length];
        System.arraycopy(version, 0, body, 0, version.length);
        System.arraycopy(algorithm, 0, body, version.length, algorithm.length);
        System.arraycopy(octets, 0, body, version.length + algorithm.length, octets.length);
        return der(0x30, body);
    }

    private static byte[] der(int tag, byte[] content) {
        byte[] length;
        if (content.length < 0x80) {
            length = new byte[] {(byte) content.length};
        } else {
            byte[] digits = BigInteger.valueOf(content.length).toByteArray();
            int skip = digits[0] == 0 ? 1 : 0;
            length = new byte[digits.length - skip + 1];
            length[0] = (byte) (0x80 | (digits.length - skip));
            System.arraycopy(digits, skip, length, 1, digits.length - skip);
        }
        byte[] out = new byte[1 + length.length + content.length];
        out[0] = (byte) tag;
        System.arraycopy(length, 0, out, 1, length.length);
        System.arraycopy(content, 0, out, 1 + length.length, content.length);
        return out;
    }
}
