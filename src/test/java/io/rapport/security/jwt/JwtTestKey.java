package io.rapport.security.jwt;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The identity provider the test profile trusts (see the %test.rapport.security.jwt.* properties): its issuer,
 * audience and RSA signing key. The key exists only for tests.
 */
public final class JwtTestKey {

    public static final String ISSUER = "https://idp.example.org";
    public static final String AUDIENCE = "rapport-api";
    /** The public half, as configured for the test profile. */
    public static final String PUBLIC_KEY = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAtM4wz/Qh23rz93PZ/BWP6FZWjFUIY0/4DKGdsVCO+fo079S2pwcS3BgNyMjL3XbqQMPHxVK0KSNXjgFET9KxiACOpFfut9R4ld7vHTpfikejmHZTTFAtHdMMb7yh8ZcfeFtwq+Xmf3EK99POz0xER0SvhTzOjtb1juOLpfqL2AMVDrJbOwrAiFvzpmKiJyPkB0nK+pCnZTumiMx5S3Wsw7wHng0WR6TnA1MWNNxqyuGOh5xsKCiJSrsbqOEA1vJJeJ/Xy5R4l3msYLhps60vxNn1SdNuozN3YB/CNATu7Io6PpkapU5wbhgajukV6OF5bBGih6nDV1hpX4Dog4ElTwIDAQAB";

    private static final String PRIVATE_KEY = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC0zjDP9CHbevP3c9n8FY/oVlaMVQhjT/gMoZ2xUI75+jTv1LanBxLcGA3IyMvddupAw8fFUrQpI1eOAURP0rGIAI6kV+631HiV3u8dOl+KR6OYdlNMUC0d0wxvvKHxlx94W3Cr5eZ/cQr3087PTERHRK+FPM6O1vWO44ul+ovYAxUOsls7CsCIW/OmYqInI+QHScr6kKdlO6aIzHlLdazDvAeeDRZHpOcDUxY03GrK4Y6HnGwoKIlKuxuo4QDW8kl4n9fLlHiXeaxguGmzrS/E2fVJ026jM3dgH8I0BO7sijo+mRqlTnBuGBqO6RXo4XlsEaKHqcNXWGlfgOiDgSVPAgMBAAECggEAG7L4+cAszbCU8/nSJpNGaYbh7ybPHakwgag4KI7Zu0SQhpYqaK/7PNph25BI4dlSwvBGHcib+YTEvZMbxt+AO4CGWc7E2hyECsXNZnISap9WBJ31XfFshVoCA5OSUG42r9wmXey0dsgNMPFzM1aQ9prNtFZKo3RyyIdmALFqaixa2K6OqPNhdRx1IeJw1DhGRrqNiQaaWEIAC7mE5f2bbUS84r/My6/nmjT4zqZCx5Un5dma6/Y/G8M6BUd2M6r0YWSEJ/mXsmrvjqBhlpjwbAsHI6SW/W6M9UvXna+9en8VokOPJF82zHcCzRCvhR4OUjKdoLDK25CzRz6V4jNpKQKBgQD2gQ9m0xFgYJEkR+oeXW+n881GIOCBTfDn30+KA+y5+Mk7miqCOVbBo36SLrvC1z4fRz/QgcWiDg5s7z3YdKesEcklM9Col1RJ0YaKpZarzuG7QbRFlD9X6eCT9Vqrxej4vHR4+dpoGXdbLLSMq8tpHgHHcsyAZMneXavMBuS8aQKBgQC7xTtziFv5DUomyYqwatZvfwSwyPDu1kbvAzMacT2IbJyV7k4c/sfWrW0HdxNstBziYrclskfqodg70fQ4JHSxcUUSOMRtthxEGL47+i6gj6HRuJN/i7DlpmiIDhdzlgXjJUr/0SwOmBueMCUydm2mQzOahbXMa91FUcVXjZj89wKBgQCGP4uPyGuyPWVOiQvsNZ7VrWWiR819HmGRJoE+/RwzvFZ7614zRd8F3nDUVDdVybu/dSJAAC0OMPGSSkk4VW/rulP9utZsut3gxgesArqoHye4v/PZ4P8OdgUlD36uBj73GEumhwx3nUbvlM1Pv1Ask3cMlGzjkACQ5hrmJurz4QKBgD70eONag6Oz/fmVNyfBGlZVmuf+5zDcrPmz8+1YrE3SRInMVWpJTg0/JkALf3rBxLFucYN1C8GyM8KSuTQdnPZlSMg8OjeiiEWYmieX0QxKO/IJ1YI8/rlwmrmLJ/e8BAtNVKECq6fU/eWCtOX/aPIGtAWJ8RMx0wVLzkN1mSavAoGAQSTQrrspuvFUTIuRMOoJG65ykuPXS6ulYKJa90c/EdmzEiWLvv6gxMfd6sUzwh0tZmMnCFMNTNEiqoEfLcbI0RzzGOHWnFuyfw3wHzCplQXfE72+364L9Tv/WdOpOFpnublkrI1VLsguAbMWHqmG/TMXnPMA4TuWqsbiEfihCQI=";

    private JwtTestKey() {
    }

    public static PrivateKey privateKey() {
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(PRIVATE_KEY)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n" + PUBLIC_KEY + "\n-----END PUBLIC KEY-----\n";
    }
}
