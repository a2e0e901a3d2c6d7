package io.jets.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Writes the configuration of the server benchmark's ceiling: nginx answering each call of the benchmark with the
 * bytes a DynamoDB server would send (a 1 KB item for GetItem, {@code {}} for PutItem, with {@code x-amz-crc32}
 * so that the SDK checks it as it does for the real servers), from memory, in one event loop. A server can hardly
 * cost less per call, so the SDK clients' throughput against it is the most any server can be served with on
 * this machine: dividing it by a peer's throughput gives the highest ratio the benchmark could show.
 *
 * <pre>java -cp … io.jets.benchmarks.NullServerConfig --port P --dir DIR   # then: nginx -p DIR -c DIR/nginx.conf</pre>
 */
public final class NullServerConfig {

    private NullServerConfig() {
    }

    public static void main(String[] args) throws IOException {
        Options options = new Options(args);
        Path dir = Path.of(options.required("dir"));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("nginx.conf"), config(options.number("port", 0), dir,
                options.number("item-bytes", 1024)));
    }

    static String config(int port, Path dir, int itemBytes) {
        // the calls ServerBenchmark makes: table set-up, the preload, the streams probe, and the measured ones
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("DynamoDB_20120810.CreateTable", "{\"TableDescription\":{\"TableName\":\"bench\","
                + "\"TableStatus\":\"ACTIVE\"}}");
        answers.put("DynamoDB_20120810.DescribeTable", "{\"Table\":{\"TableName\":\"bench\",\"TableStatus\":\"ACTIVE\"}}");
        answers.put("DynamoDB_20120810.BatchWriteItem", "{\"UnprocessedItems\":{}}");
        answers.put("DynamoDB_20120810.PutItem", "{}");
        var item = BenchTable.item("g-0", "0", itemBytes, 0);
        answers.put("DynamoDB_20120810.GetItem", "{\"Item\":{\"pk\":{\"S\":\"" + item.get("pk").s()
                + "\"},\"sk\":{\"S\":\"" + item.get("sk").s() + "\"},\"payload\":{\"S\":\""
                + item.get("payload").s() + "\"}}}");
        StringBuilder bodies = new StringBuilder();
        StringBuilder checksums = new StringBuilder();
        for (Map.Entry<String, String> answer : answers.entrySet()) {
            bodies.append("    \"").append(answer.getKey()).append("\" '").append(answer.getValue()).append("';\n");
            checksums.append("    \"").append(answer.getKey()).append("\" ").append(crc32(answer.getValue()))
                    .append(";\n");
        }
        return """
                daemon off;
                master_process off;
                worker_processes 1;
                error_log %1$s/error.log;
                pid %1$s/nginx.pid;
                events { worker_connections 1024; }
                http {
                  access_log off;
                  client_body_temp_path %1$s/body;
                  keepalive_requests 100000000;
                  keepalive_timeout 600s;
                  client_body_buffer_size 64k;
                  map $http_x_amz_target $answer {
                    default '{}';
                %2$s  }
                  map $http_x_amz_target $checksum {
                    default %3$d;
                %4$s  }
                  server {
                    listen 127.0.0.1:%5$d;
                    location / {
                      default_type application/x-amz-json-1.0;
                      add_header x-amz-crc32 $checksum always;
                      add_header x-amzn-RequestId 00000000-0000-0000-0000-000000000000 always;
                      return 200 $answer;
                    }
                  }
                }
                """.formatted(dir.toAbsolutePath(), bodies, crc32("{}"), checksums, port);
    }

    private static long crc32(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
