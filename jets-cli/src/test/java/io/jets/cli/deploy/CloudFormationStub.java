package io.jets.cli.deploy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Just enough of CloudFormation (query protocol) and S3 for a dry run of {@code jets deploy} of a new stack:
 * the stack does not exist, uploads succeed, the change set adds the template's resources. Records the
 * CloudFormation actions and S3 request lines it served.
 */
final class CloudFormationStub implements AutoCloseable {

    private static final String NS = "http://cloudformation.amazonaws.com/doc/2010-05-15/";

    private final HttpServer server;
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<String> createChangeSetBodies = new CopyOnWriteArrayList<>();

    CloudFormationStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String action = actionOf(body);
            int status = 200;
            String response;
            if (action == null) {
                calls.add("s3:" + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
                status = exchange.getRequestMethod().equals("HEAD") ? 404 : 200;
                response = "";
            } else {
                calls.add("cloudformation:" + action);
                switch (action) {
                    case "DescribeStacks" -> {
                        status = 400;
                        response = "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type><Code>ValidationError"
                                + "</Code><Message>Stack with id demo-dev does not exist</Message></Error>"
                                + "<RequestId>1</RequestId></ErrorResponse>";
                    }
                    case "CreateChangeSet" -> {
                        createChangeSetBodies.add(body);
                        response = result(action, "<Id>arn:aws:cloudformation:us-west-2:112233445566:changeSet/jets/1"
                                + "</Id><StackId>arn:aws:cloudformation:us-west-2:112233445566:stack/demo-dev/1</StackId>");
                    }
                    case "DescribeChangeSet" -> response = result(action, "<Status>CREATE_COMPLETE</Status>"
                            + "<ExecutionStatus>AVAILABLE</ExecutionStatus><Changes><member><Type>Resource</Type>"
                            + "<ResourceChange><Action>Add</Action><LogicalResourceId>ClerkEventFileFunction"
                            + "</LogicalResourceId><ResourceType>AWS::Lambda::Function</ResourceType></ResourceChange>"
                            + "</member></Changes>");
                    default -> response = result(action, "");
                }
            }
            byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static String actionOf(String body) {
        for (String pair : body.split("&")) {
            if (pair.startsWith("Action=")) {
                return URLDecoder.decode(pair.substring("Action=".length()), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String result(String action, String xml) {
        return "<" + action + "Response xmlns=\"" + NS + "\"><" + action + "Result>" + xml + "</" + action + "Result>"
                + "<ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></" + action + "Response>";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
