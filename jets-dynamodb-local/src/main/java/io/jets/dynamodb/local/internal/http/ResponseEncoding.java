package io.jets.dynamodb.local.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The compression DynamoDB applies to an answer the client accepts compressed: gzip or deflate, for bodies of
 * 4 KB and more, picked from {@code Accept-Encoding} by quality value (RFC 9110), lenient as DynamoDB is with
 * malformed entries: a quality that is not a number counts as 1, one above 1 counts as 1, the first quality of an
 * entry wins, a coding named several times takes its best quality, and {@code identity} is never preferred to a
 * compression. Between equal qualities the coding listed first wins, a coding listed by name beats one that only
 * {@code *} accepts, and {@code *} alone means gzip.
 */
enum ResponseEncoding {
    GZIP("gzip"),
    DEFLATE("deflate");

    static final int THRESHOLD_BYTES = 4096;

    private final String token;

    ResponseEncoding(String token) {
        this.token = token;
    }

    String token() {
        return token;
    }

    /** The encoding for an answer of {@code length} bytes, or null to send it as is. */
    static ResponseEncoding choose(String acceptEncoding, int length) {
        if (acceptEncoding == null || length < THRESHOLD_BYTES) {
            return null;
        }
        double[] named = {-1, -1};
        int[] position = {Integer.MAX_VALUE, Integer.MAX_VALUE};
        double wildcard = -1;
        String[] entries = acceptEncoding.split(",");
        for (int i = 0; i < entries.length; i++) {
            String[] parts = entries[i].split(";");
            String coding = parts[0].trim().toLowerCase(Locale.ROOT);
            double quality = quality(parts);
            if (coding.equals("*")) {
                wildcard = Math.max(wildcard, quality);
                continue;
            }
            for (ResponseEncoding encoding : values()) {
                if (coding.equals(encoding.token)) {
                    named[encoding.ordinal()] = Math.max(named[encoding.ordinal()], quality);
                    position[encoding.ordinal()] = Math.min(position[encoding.ordinal()], i);
                }
            }
        }
        ResponseEncoding best = null;
        double bestQuality = 0;
        int bestRank = Integer.MAX_VALUE;
        for (ResponseEncoding encoding : values()) {
            boolean byName = named[encoding.ordinal()] >= 0;
            double quality = byName ? named[encoding.ordinal()] : wildcard;
            // named codings rank by their place in the header, wildcard ones after them, gzip before deflate
            int rank = byName ? position[encoding.ordinal()] : entries.length + encoding.ordinal();
            if (quality > bestQuality || (quality == bestQuality && quality > 0 && rank < bestRank)) {
                best = encoding;
                bestQuality = quality;
                bestRank = rank;
            }
        }
        return best;
    }

    private static double quality(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i];
            int equals = parameter.indexOf('=');
            if (equals < 0 || !parameter.substring(0, equals).trim().equalsIgnoreCase("q")) {
                continue;
            }
            try {
                return Math.min(1, Math.max(0, Double.parseDouble(parameter.substring(equals + 1).trim())));
            } catch (NumberFormatException e) {
                return 1;
            }
        }
        return 1;
    }

    byte[] encode(byte[] body) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(body.length / 4 + 64);
        try (OutputStream out = this == GZIP ? new GZIPOutputStream(compressed)
                : new DeflaterOutputStream(compressed)) {
            out.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
    }
}
