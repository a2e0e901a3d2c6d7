package io.jets.deploy.template.internal;

import io.jets.deploy.DeployException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The least-privilege statements of one function's role: read its own streams, write its own log group, send
 * to its own on-failure destinations.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/services-dynamodb-eventsourcemapping.html">Execution role permissions</a>
 */
public final class RolePolicy {

    private RolePolicy() {
    }

    public static Map<String, Object> document(List<Map<String, Object>> statements) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Version", "2012-10-17");
        document.put("Statement", statements);
        return document;
    }

    public static Map<String, Object> assumedByLambda() {
        return document(List.of(statement(null, List.of("sts:AssumeRole"), null,
                Map.of("Service", "lambda.amazonaws.com"))));
    }

    public static List<Map<String, Object>> streamStatements(List<String> streamArns) {
        return List.of(
                statement("ReadStreams", List.of("dynamodb:DescribeStream", "dynamodb:GetRecords",
                        "dynamodb:GetShardIterator"), List.copyOf(streamArns), null),
                // ListStreams has no resource-level permissions.
                statement("ListStreams", List.of("dynamodb:ListStreams"), "*", null));
    }

    public static Map<String, Object> logStatement(Object logGroupArn) {
        return statement("WriteOwnLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents"), logGroupArn, null);
    }

    /** Statements that let the event source mapping deliver failure records to {@code destinationArn}. */
    public static List<Map<String, Object>> destinationStatements(String destinationArn, int index) {
        String[] parts = destinationArn.split(":", 6);
        String service = parts.length == 6 ? parts[2] : "";
        String sid = "OnFailure" + (index == 1 ? "" : String.valueOf(index));
        return switch (service) {
            case "sqs" -> List.of(statement(sid, List.of("sqs:SendMessage"), destinationArn, null));
            case "sns" -> List.of(statement(sid, List.of("sns:Publish"), destinationArn, null));
            case "s3" -> List.of(
                    statement(sid + "Objects", List.of("s3:PutObject"), destinationArn + "/*", null),
                    statement(sid + "Bucket", List.of("s3:ListBucket"), destinationArn, null));
            default -> throw new DeployException("onFailure must be an SQS queue, SNS topic or S3 bucket ARN, got: "
                    + destinationArn);
        };
    }

    private static Map<String, Object> statement(String sid, List<String> actions, Object resource,
                                                 Map<String, Object> principal) {
        Map<String, Object> statement = new LinkedHashMap<>();
        if (sid != null) {
            statement.put("Sid", sid);
        }
        statement.put("Effect", "Allow");
        if (principal != null) {
            statement.put("Principal", principal);
        }
        statement.put("Action", actions.size() == 1 ? actions.get(0) : new ArrayList<>(actions));
        if (resource != null) {
            statement.put("Resource", resource);
        }
        return statement;
    }
}
