package io.jets.dynamodb.local.internal.partiql;

import io.jets.dynamodb.local.internal.ApiException;
import java.util.ArrayList;
import java.util.List;

/** Splits a PartiQL statement into tokens: identifiers, quoted names, strings, numbers, parameters, symbols. */
final class PartiQlLexer {

    enum Kind { WORD, QUOTED_NAME, STRING, NUMBER, PARAMETER, SYMBOL }

    record Token(Kind kind, String text) {
        boolean is(String word) {
            return (kind == Kind.WORD || kind == Kind.SYMBOL) && text.equalsIgnoreCase(word);
        }
    }

    private PartiQlLexer() {
    }

    static List<Token> tokenize(String statement) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < statement.length()) {
            char c = statement.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
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
                tokens.add(new Token(c == '"' ? Kind.QUOTED_NAME : Kind.STRING, text.toString()));
                i = j + 1;
            } else if (Character.isDigit(c) || (c == '-' && i + 1 < statement.length()
                    && Character.isDigit(statement.charAt(i + 1)) && previousIsOperator(tokens))) {
                int j = i + 1;
                while (j < statement.length() && (Character.isDigit(statement.charAt(j))
                        || ".eE+-".indexOf(statement.charAt(j)) >= 0 && !(statement.charAt(j) == '-'
                        && "eE".indexOf(statement.charAt(j - 1)) < 0))) {
                    j++;
                }
                tokens.add(new Token(Kind.NUMBER, statement.substring(i, j)));
                i = j;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i + 1;
                while (j < statement.length() && (Character.isLetterOrDigit(statement.charAt(j))
                        || statement.charAt(j) == '_')) {
                    j++;
                }
                tokens.add(new Token(Kind.WORD, statement.substring(i, j)));
                i = j;
            } else if (c == '?') {
                tokens.add(new Token(Kind.PARAMETER, "?"));
                i++;
            } else {
                String two = i + 1 < statement.length() ? statement.substring(i, i + 2) : "";
                if (two.equals("<=") || two.equals(">=") || two.equals("<>") || two.equals("!=")
                        || two.equals("<<") || two.equals(">>")) {
                    tokens.add(new Token(Kind.SYMBOL, two));
                    i += 2;
                } else if ("=<>(),.[]{}:*+".indexOf(c) >= 0) {
                    tokens.add(new Token(Kind.SYMBOL, String.valueOf(c)));
                    i++;
                } else {
                    throw syntax("unexpected character " + c);
                }
            }
        }
        return tokens;
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
