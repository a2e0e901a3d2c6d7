package io.jets.dynamodb.local.internal.http;

import com.sun.net.httpserver.Headers;
import io.jets.dynamodb.local.internal.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies AWS Signature Version 4 on requests when the server is started with configured keys, answering
 * unsigned and wrongly signed requests with the errors DynamoDB sends.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html">Signature Version 4</a>
 */
public final class SignatureVerifier {

    // DynamoDB takes the components separated by a comma, by whitespace, or by both
    private static final Pattern COMPONENT = Pattern.compile("([A-Za-z]+)=([^,\\s]*)");
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Duration ALLOWED_SKEW = Duration.ofMinutes(5);
    private static final String INVALID_SIGNATURE = "com.amazon.coral.service#InvalidSignatureException";
    private static final String SIGNATURE_MISMATCH = "The request signature we calculated does not match the"
            + " signature you provided. Check your AWS Secret Access Key and signing method. Consult the service"
            + " documentation for details.";

    private final Map<String, String> secretsByAccessKey;
    private final Clock clock;

    /**
     * @param secretsByAccessKey the accepted access key ids and their secret keys
     * @param clock              the time a request's X-Amz-Date must be within five minutes of
     */
    public SignatureVerifier(Map<String, String> secretsByAccessKey, Clock clock) {
        this.secretsByAccessKey = Map.copyOf(secretsByAccessKey);
        this.clock = clock;
    }

    void verify(String method, String rawPath, Headers headers, byte[] body) {
        String authorization = headers.getFirst("Authorization");
        if (authorization == null) {
            throw new ApiException("com.amazon.coral.service#MissingAuthenticationTokenException",
                    "Request is missing Authentication Token", 400);
        }
        Map<String, String> components = new HashMap<>();
        Matcher matcher = COMPONENT.matcher(authorization);
        while (matcher.find()) {
            components.putIfAbsent(matcher.group(1), matcher.group(2));
        }
        String amzDate = headers.getFirst("X-Amz-Date");
        String credential = components.get("Credential");
        String signature = components.get("Signature");
        String signedHeaderNames = components.get("SignedHeaders");
        incomplete(authorization, credential, signature, signedHeaderNames,
                amzDate != null || headers.getFirst("Date") != null);
        int slash = credential.indexOf('/');
        String accessKey = slash < 0 ? credential : credential.substring(0, slash);
        String scope = slash < 0 ? "" : credential.substring(slash + 1);
        // DynamoDB refuses a stale or early request before it looks the access key up
        checkDate(amzDate);
        String secret = secretsByAccessKey.get(accessKey);
        if (secret == null) {
            throw new ApiException("com.amazon.coral.service#UnrecognizedClientException",
                    "The security token included in the request is invalid.", 400);
        }
        String[] scopeParts = scope.split("/");
        if (scopeParts.length != 4 || amzDate == null) {
            throw invalidSignature();
        }
        List<String> signedHeaders = Arrays.asList(signedHeaderNames.split(";"));
        StringBuilder canonical = new StringBuilder();
        canonical.append(method).append('\n').append(rawPath.isEmpty() ? "/" : rawPath).append('\n').append('\n');
        for (String name : signedHeaders) {
            List<String> values = headers.get(name);
            String value = values == null ? "" : String.join(",", values).trim().replaceAll("\\s+", " ");
            canonical.append(name).append(':').append(value).append('\n');
        }
        canonical.append('\n').append(String.join(";", signedHeaders)).append('\n').append(hex(sha256(body)));
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), scopeParts[0]);
        key = hmac(key, scopeParts[1]);
        key = hmac(key, scopeParts[2]);
        key = hmac(key, scopeParts[3]);
        String expected = hex(hmac(key, stringToSign));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII))) {
            // DynamoDB shows what it signed, so that a client can find where its own signing went another way
            throw new ApiException(INVALID_SIGNATURE, SIGNATURE_MISMATCH + "\n\nThe Canonical String for this"
                    + " request should have been\n'" + canonical + "'\n\nThe String-to-Sign should have been\n'"
                    + stringToSign + "'\n", 400);
        }
    }

    /** DynamoDB names every part of the signature the request leaves out, then quotes the header it got. */
    private static void incomplete(String authorization, String credential, String signature, String signedHeaders,
                                   boolean dated) {
        StringBuilder message = new StringBuilder();
        if (credential == null) {
            message.append("Authorization header requires 'Credential' parameter. ");
        }
        if (signature == null) {
            message.append("Authorization header requires 'Signature' parameter. ");
        }
        if (signedHeaders == null) {
            message.append("Authorization header requires 'SignedHeaders' parameter. ");
        }
        if (!dated) {
            message.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
        }
        if (!message.isEmpty()) {
            throw new ApiException("com.amazon.coral.service#IncompleteSignatureException",
                    message.append("Authorization=").append(authorization).toString(), 400);
        }
    }

    /** The five minutes of clock skew AWS allows either way, refused with the wording DynamoDB uses. */
    private void checkDate(String amzDate) {
        if (amzDate == null) {
            return;
        }
        Instant signed;
        try {
            signed = Instant.from(AMZ_DATE.parse(amzDate));
        } catch (DateTimeParseException e) {
            return;
        }
        Instant now = clock.instant();
        if (signed.isBefore(now.minus(ALLOWED_SKEW))) {
            throw new ApiException(INVALID_SIGNATURE, "Signature expired: "
                    + amzDate + " is now earlier than " + AMZ_DATE.format(now.minus(ALLOWED_SKEW)) + " ("
                    + AMZ_DATE.format(now) + " - 5 min.)", 400);
        }
        if (signed.isAfter(now.plus(ALLOWED_SKEW))) {
            throw new ApiException(INVALID_SIGNATURE, "Signature not yet current: "
                    + amzDate + " is still later than " + AMZ_DATE.format(now.plus(ALLOWED_SKEW)) + " ("
                    + AMZ_DATE.format(now) + " + 5 min.)", 400);
        }
    }

    private static ApiException invalidSignature() {
        return new ApiException(INVALID_SIGNATURE, SIGNATURE_MISMATCH, 400);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
