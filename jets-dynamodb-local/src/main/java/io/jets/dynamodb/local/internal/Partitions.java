package io.jets.dynamodb.local.internal;

/**
 * The AWS partition a region belongs to, the second field of every ARN: a table created through a us-gov-west-1
 * endpoint is {@code arn:aws-us-gov:dynamodb:us-gov-west-1:…}, one in cn-north-1 is {@code arn:aws-cn:…}.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html">ARN format (partition)</a>
 */
public final class Partitions {

    private Partitions() {
    }

    /** The partition of a region, {@code aws} for the commercial regions and any region it does not know. */
    public static String of(String region) {
        if (region == null) {
            return "aws";
        }
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        if (region.startsWith("us-isob-")) {
            return "aws-iso-b";
        }
        if (region.startsWith("us-isof-")) {
            return "aws-iso-f";
        }
        if (region.startsWith("us-iso-")) {
            return "aws-iso";
        }
        if (region.startsWith("eu-isoe-")) {
            return "aws-iso-e";
        }
        return "aws";
    }

    /** The start of an ARN of the given service in a region: {@code arn:<partition>:<service>:<region>:}. */
    public static String arnPrefix(String service, String region) {
        return "arn:" + of(region) + ":" + service + ":" + region + ":";
    }
}
