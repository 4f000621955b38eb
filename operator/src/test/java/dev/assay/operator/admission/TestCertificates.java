package dev.assay.operator.admission;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A CA of the test's own and a serving certificate it signed for 127.0.0.1, as PEM text the way a Kubernetes TLS
 * Secret holds it. The key is written as PKCS#1 ({@code RSA PRIVATE KEY}), like Helm's genSignedCert.
 */
public record TestCertificates(String caPem, String certificatePem, String keyPem, X509Certificate ca) {

    public static TestCertificates forLoopback() {
        try {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            KeyPair caKeys = rsa.generateKeyPair();
            KeyPair serverKeys = rsa.generateKeyPair();
            Instant now = Instant.now();
            Date from = Date.from(now.minus(Duration.ofMinutes(5)));
            Date until = Date.from(now.plus(Duration.ofDays(1)));
            X500Name caName = new X500Name("CN=assay webhook test CA");

            X509v3CertificateBuilder caBuilder =
                    new JcaX509v3CertificateBuilder(caName, BigInteger.ONE, from, until, caName, caKeys.getPublic());
            caBuilder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            caBuilder.addExtension(
                    Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.digitalSignature));
            X509Certificate ca = new JcaX509CertificateConverter()
                    .getCertificate(
                            caBuilder.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate())));

            X509v3CertificateBuilder serverBuilder = new JcaX509v3CertificateBuilder(
                    caName, BigInteger.TWO, from, until, new X500Name("CN=127.0.0.1"), serverKeys.getPublic());
            serverBuilder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")
            }));
            X509Certificate server = new JcaX509CertificateConverter()
                    .getCertificate(serverBuilder.build(
                            new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate())));

            return new TestCertificates(pem(ca), pem(server), pem(serverKeys.getPrivate()), ca);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client context that trusts only this CA, as the API server does with the webhook's caBundle. */
    public SSLContext clientContext() throws GeneralSecurityException, IOException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private static String pem(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
