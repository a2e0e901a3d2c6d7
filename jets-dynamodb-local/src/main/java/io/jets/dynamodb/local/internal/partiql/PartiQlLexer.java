package io.jets.dynamodb.local.internal.partiql;

import io.jets.dynamodb.local.internal.ApiException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a PartiQL statement into tokens: identifiers, quoted names, strings, numbers, parameters, symbols. Line
 * ({@code --}) and block ({@code /* *\/}) comments read as whitespace.
 */
final class PartiQlLexer {

    enum Kind { WORD, QUOTED_NAME, STRING, NUMBER, PARAMETER, SYMBOL }

    /**
     * One token and where it stands, as DynamoDB reports it in some messages: {@code line:column:length}, counted
     * in characters from 1.
     */
    record Token(Kind kind, String text, int line, int column, int length) {
        boolean is(String word) {
            return (kind == Kind.WORD || kind == Kind.SYMBOL) && text.equalsIgnoreCase(word);
        }

        String position() {
            return line + ":" + column + ":" + length;
        }
    }

    private PartiQlLexer() {
    }

    static List<Token> tokenize(String statement) {
        List<Token> tokens = new ArrayList<>();
        int line = 1;
        int lineStart = 0;
        int i = 0;
        while (i < statement.length()) {
            char c = statement.charAt(i);
            int column = i - lineStart + 1;
            if (c == '\n') {
                line++;
                lineStart = i + 1;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (statement.startsWith("--", i)) {
                while (i < statement.length() && statement.charAt(i) != '\n') {
                    i++;
                }
            } else if (statement.startsWith("/*", i)) {
                int end = statement.indexOf("*/", i + 2);
                if (end < 0) {
                    throw syntax("");
                }
                for (int j = i; j < end; j++) {
                    if (statement.charAt(j) == '\n') {
                        line++;
                        lineStart = j + 1;
                    }
                }
                i = end + 2;
            } else if (c == '"' || c == '\'') {
                StringBuilder text = new StringBuilder();
                int j = i + 1;
                while (true) {
                    if (j >= statement.length()) {
                        throw syntax("unterminated " + (c == '"' ? "quoted identifier" : "string"));
                    }
                    char d = statement.charAt(j);
                    if (d == c && j + 1 < statement.length() && statement.charAt(j + 1) == c) {
                        text.append(c);
                        j += 2;
                    } else if (d == c) {
                        break;
                    } else {
                        text.append(d);
                        j++;
                    }
                }
                tokens.add(new Token(c == '"' ? Kind.QUOTED_NAME : Kind.STRING, text.toString(), line, column,
                        j + 1 - i));
                i = j + 1;
            } else if (startsNumber(statement, i) || c == '-' && startsNumber(statement, i + 1)
                    && previousIsOperator(tokens)) {
                int end = numberEnd(statement, c == '-' ? i + 1 : i);
                String text = statement.substring(i, end);
                try {
                    new BigDecimal(text);
                } catch (NumberFormatException e) {
                    // an exponent or scale beyond a 32-bit integer: DynamoDB gives no detail
                    throw syntax("");
                }
                tokens.add(new Token(Kind.NUMBER, text, line, column, end - i));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i + 1;
                while (j < statement.length() && (Character.isLetterOrDigit(statement.charAt(j))
                        || statement.charAt(j) == '_')) {
                    j++;
                }
                tokens.add(new Token(Kind.WORD, statement.substring(i, j), line, column, j - i));
                i = j;
            } else if (c == '?') {
                tokens.add(new Token(Kind.PARAMETER, "?", line, column, 1));
                i++;
            } else {
                String two = i + 1 < statement.length() ? statement.substring(i, i + 2) : "";
                if (two.equals("<=") || two.equals(">=") || two.equals("<>") || two.equals("!=")
                        || two.equals("<<") || two.equals(">>")) {
                    tokens.add(new Token(Kind.SYMBOL, two, line, column, 2));
                    i += 2;
                } else if ("=<>(),.[]{}:*+-;".indexOf(c) >= 0) {
                    tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), line, column, 1));
                    i++;
                } else {
                    throw syntax("");
                }
            }
        }
        return tokens;
    }

    private static boolean startsNumber(String statement, int i) {
        if (i >= statement.length()) {
            return false;
        }
        char c = statement.charAt(i);
        return Character.isDigit(c) || c == '.' && i + 1 < statement.length()
                && Character.isDigit(statement.charAt(i + 1));
    }

    /** Digits, an optional fraction, an optional exponent with its sign. */
    private static int numberEnd(String statement, int start) {
        int j = digits(statement, start);
        if (j < statement.length() && statement.charAt(j) == '.') {
            j = digits(statement, j + 1);
        }
        if (j < statement.length() && (statement.charAt(j) == 'e' || statement.charAt(j) == 'E')) {
            int k = j + 1;
            if (k < statement.length() && (statement.charAt(k) == '+' || statement.charAt(k) == '-')) {
                k++;
            }
            if (k < statement.length() && Character.isDigit(statement.charAt(k))) {
                j = digits(statement, k);
            }
        }
        return j;
    }

    private static int digits(String statement, int from) {
        int j = from;
        while (j < statement.length() && Character.isDigit(statement.charAt(j))) {
            j++;
        }
        return j;
    }

    private static boolean previousIsOperator(List<Token> tokens) {
        if (tokens.isEmpty()) {
            return true;
        }
        Token last = tokens.get(tokens.size() - 1);
        return last.kind() == Kind.SYMBOL || last.kind() == Kind.WORD;
    }

    static ApiException syntax(String detail) {
        return ApiException.validation("Statement wasn't well formed, can't be processed: " + detail);
    }
}
