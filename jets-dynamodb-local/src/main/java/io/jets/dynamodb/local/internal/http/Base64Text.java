package io.jets.dynamodb.local.internal.http;

import io.jets.dynamodb.local.internal.ApiException;

/**
 * Binary values travel as base64, which DynamoDB decodes strictly: whole groups of four characters, no bits set past
 * the last byte in the character before the padding, and only base64 characters before it. The decoder's own words
 * (and its spelling) are the SerializationException's message.
 */
final class Base64Text {

    private Base64Text() {
    }

    static void check(String text) {
        if (text.length() % 4 != 0) {
            throw ApiException.serialization("Base64 encoded length is expected a multiple of 4 bytes but found: "
                    + text.length());
        }
        int padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
        int end = text.length() - padding;
        // the last character before the padding carries 4 (one '=') or 2 (two) bits beyond the last byte; DynamoDB
        // looks at it before the characters ahead of it ('=+/=' fails here, not on its leading '=')
        int unused = padding == 2 ? 0x0f : padding == 1 ? 0x03 : 0;
        if (padding > 0 && (sextet(text.charAt(end - 1)) & unused) != 0) {
            throw ApiException.serialization("Invalid last non-pad Base64 character dectected");
        }
        for (int i = 0; i < end; i++) {
            if (sextet(text.charAt(i)) < 0) {
                throw ApiException.serialization("Invalid Base64 character: '" + text.charAt(i) + "'");
            }
        }
    }

    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '+' ? 62 : c == '/' ? 63 : -1;
    }
}
