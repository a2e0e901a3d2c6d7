package io.jets.dynamodb.local.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The region of a SigV4 Authorization header's credential scope, which the server puts in its ARNs. */
class CredentialRegionTest {

    private static final Pattern SCOPE = Pattern.compile("Credential=[^/]+/[^/]+/([^/]+)/");

    @Test
    void signedRequest_givesTheRegionOfItsCredentialScope() {
        assertThat(HttpFrontEnd.credentialRegion("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261126/eu-west-1/dynamodb/"
                + "aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=0123abcd")).isEqualTo("eu-west-1");
    }

    @Test
    void scopeWithAnEmptyOrMissingPart_givesNoRegion() {
        assertThat(HttpFrontEnd.credentialRegion("AWS4-HMAC-SHA256 Credential=AKID//eu-west-1/dynamodb/")).isNull();
        assertThat(HttpFrontEnd.credentialRegion("AWS4-HMAC-SHA256 Credential=AKID/20261126//dynamodb/")).isNull();
        assertThat(HttpFrontEnd.credentialRegion("AWS4-HMAC-SHA256 Credential=AKID/20261126/eu-west-1")).isNull();
        assertThat(HttpFrontEnd.credentialRegion("Basic dXNlcjpwYXNz")).isNull();
    }

    @Test
    void findsWhatTheCredentialScopePatternFinds() {
        List<String> headers = List.of("", "Credential=", "Credential=a/b/c/", "Credential=a/b/c", "xCredential=k/d/r/x",
                "Credential=/b/c/ Credential=k/d/r2/", "Credential=a/b//d/ Credential=k/d/r3/s",
                "Credential=Credential=a/b/c/", "Credential=a/b/c/d/e/", "Credential=a b/c d/e f/",
                "Credential=a/b/", "Credential=ab", "Credential=a//c/ and Credential=a/b/c/",
                "Credential=k/d/us-east-2/dynamodb/aws4_request, Credential=k/d/eu-west-1/");
        for (String header : headers) {
            Matcher matcher = SCOPE.matcher(header);
            String expected = matcher.find() ? matcher.group(1) : null;
            assertThat(HttpFrontEnd.credentialRegion(header)).as(header).isEqualTo(expected);
        }
    }
}
