package io.jets.deploy.stub;

import io.jets.deploy.stub.AwsStub.Response;
import java.util.Arrays;
import java.util.stream.Collectors;

/** CloudFormation query-protocol answers, shaped as in the CloudFormation API reference. */
public final class CloudFormationXml {

    private CloudFormationXml() {
    }

    public static Response stack(String name, String status, String... outputKeyValues) {
        StringBuilder outputs = new StringBuilder();
        for (int i = 0; i < outputKeyValues.length; i += 2) {
            outputs.append("<member><OutputKey>").append(outputKeyValues[i]).append("</OutputKey><OutputValue>")
                    .append(outputKeyValues[i + 1]).append("</OutputValue></member>");
        }
        return Response.cloudFormation("DescribeStacks", "<Stacks><member><StackName>" + name + "</StackName>"
                + "<StackId>arn:aws:cloudformation:us-west-2:112233445566:stack/" + name + "/6c7b5f20-c9f1-11ef-example</StackId>"
                + "<CreationTime>2026-11-25T10:00:00.000Z</CreationTime><StackStatus>" + status + "</StackStatus>"
                + "<Outputs>" + outputs + "</Outputs></member></Stacks>");
    }

    public static Response missingStack(String name) {
        return Response.cloudFormationError("ValidationError", "Stack with id " + name + " does not exist");
    }

    /** Events newest first, as DescribeStackEvents lists them. */
    public static Response events(String... eventXml) {
        return Response.cloudFormation("DescribeStackEvents", "<StackEvents>"
                + Arrays.stream(eventXml).collect(Collectors.joining()) + "</StackEvents>");
    }

    public static String event(String id, String stack, String logicalId, String type, String status, String reason) {
        return "<member><EventId>" + id + "</EventId><StackName>" + stack + "</StackName>"
                + "<StackId>arn:aws:cloudformation:us-west-2:112233445566:stack/" + stack + "/6c7b5f20-c9f1-11ef-example</StackId>"
                + "<LogicalResourceId>" + logicalId + "</LogicalResourceId><ResourceType>" + type + "</ResourceType>"
                + "<Timestamp>2026-11-25T12:00:0" + id.length() % 10 + ".000Z</Timestamp>"
                + "<ResourceStatus>" + status + "</ResourceStatus>"
                + (reason == null ? "" : "<ResourceStatusReason>" + reason + "</ResourceStatusReason>") + "</member>";
    }

    public static Response changeSetCreated(String stack, String name) {
        return Response.cloudFormation("CreateChangeSet", "<Id>arn:aws:cloudformation:us-west-2:112233445566:changeSet/"
                + name + "/1a2b3c4d</Id><StackId>arn:aws:cloudformation:us-west-2:112233445566:stack/" + stack
                + "/6c7b5f20-c9f1-11ef-example</StackId>");
    }

    /** DescribeChangeSet; {@code changes} as {@code Action Type LogicalId} triples. */
    public static Response changeSet(String status, String reason, String... changes) {
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < changes.length; i += 3) {
            members.append("<member><Type>Resource</Type><ResourceChange><Action>").append(changes[i])
                    .append("</Action><LogicalResourceId>").append(changes[i + 2]).append("</LogicalResourceId>")
                    .append("<ResourceType>").append(changes[i + 1]).append("</ResourceType></ResourceChange></member>");
        }
        return Response.cloudFormation("DescribeChangeSet", "<ChangeSetName>jets</ChangeSetName><Status>" + status
                + "</Status>" + (reason == null ? "" : "<StatusReason>" + reason + "</StatusReason>")
                + "<ExecutionStatus>" + (status.equals("CREATE_COMPLETE") ? "AVAILABLE" : "UNAVAILABLE")
                + "</ExecutionStatus><Changes>" + members + "</Changes>");
    }

    public static Response empty(String action) {
        return Response.cloudFormation(action, "");
    }
}
