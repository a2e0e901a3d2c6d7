package io.jets.dynamodb.local.internal.expr;

import java.util.ArrayList;
import java.util.List;

/** A hand-written single-pass tokenizer: expressions are parsed on every uncached request, so no regular expressions. */
final class Lexer {

    private Lexer() {
    }

    static boolean isPlaceholderChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** Names start with a letter; "_c" is a syntax error in DynamoDB. */
    private static boolean isWordStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (isWordStart(c)) {
                while (i < n && isPlaceholderChar(text.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Token.Kind.WORD, text.substring(start, i), start, i));
            } else if (c >= '0' && c <= '9') {
                while (i < n && isPlaceholderChar(text.charAt(i))) {
                    i++;
                }
                String digits = text.substring(start, i);
                tokens.add(new Token(allDigits(digits) ? Token.Kind.NUMBER : Token.Kind.ERROR, digits, start, i));
            } else if (c == '#' || c == ':') {
                i++;
                while (i < n && isPlaceholderChar(text.charAt(i))) {
                    i++;
                }
                Token.Kind kind = i == start + 1 ? Token.Kind.ERROR
                        : c == '#' ? Token.Kind.NAME_REF : Token.Kind.VALUE_REF;
                tokens.add(new Token(kind, text.substring(start, i), start, i));
            } else if (c == '<') {
                i++;
                if (i < n && (text.charAt(i) == '=' || text.charAt(i) == '>')) {
                    i++;
                }
                tokens.add(new Token(Token.Kind.SYMBOL, text.substring(start, i), start, i));
            } else if (c == '>') {
                i++;
                if (i < n && text.charAt(i) == '=') {
                    i++;
                }
                tokens.add(new Token(Token.Kind.SYMBOL, text.substring(start, i), start, i));
            } else if ("()[],.=+-".indexOf(c) >= 0) {
                i++;
                tokens.add(new Token(Token.Kind.SYMBOL, String.valueOf(c), start, i));
            } else {
                i += Character.charCount(text.codePointAt(i));
                tokens.add(new Token(Token.Kind.ERROR, text.substring(start, i), start, i));
            }
        }
        tokens.add(new Token(Token.Kind.EOF, "", n, n));
        return tokens;
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
