package io.jets.dynamodb.local.internal.expr;

/** One lexical token of an expression; {@code start}/{@code end} index the expression text. */
record Token(Kind kind, String text, int start, int end) {

    enum Kind {
        /** An unescaped attribute name, keyword or function name. */
        WORD,
        /** {@code #name} placeholder. */
        NAME_REF,
        /** {@code :value} placeholder. */
        VALUE_REF,
        /** Digits, only meaningful as a list index. */
        NUMBER,
        /** Punctuation and operators: ( ) [ ] , . = <> < <= > >= + - */
        SYMBOL,
        /** A character no token starts with. */
        ERROR,
        EOF
    }

    boolean is(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    boolean isWord(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    /** How DynamoDB quotes the token in syntax errors. */
    String display() {
        return kind == Kind.EOF ? "<EOF>" : text;
    }
}
