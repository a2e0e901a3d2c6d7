package io.jets.deploy.template;

import java.util.List;
import java.util.Map;

/**
 * CloudFormation intrinsic functions as template values.
 *
 * @see <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html">Intrinsic functions</a>
 */
public final class Fn {

    private Fn() {
    }

    /** {@code {"Ref": "CodeBucket"}}. */
    public static Map<String, Object> ref(String logicalId) {
        return Map.of("Ref", logicalId);
    }

    /** {@code {"Fn::GetAtt": ["ClerkEventFileRole", "Arn"]}}. */
    public static Map<String, Object> getAtt(String logicalId, String attribute) {
        return Map.of("Fn::GetAtt", List.of(logicalId, attribute));
    }

    /** {@code {"Fn::Sub": "/aws/lambda/${ClerkEventFileFunction}"}}. */
    public static Map<String, Object> sub(String text) {
        return Map.of("Fn::Sub", text);
    }
}
