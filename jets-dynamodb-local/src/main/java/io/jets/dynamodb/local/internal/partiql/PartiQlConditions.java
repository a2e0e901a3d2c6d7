package io.jets.dynamodb.local.internal.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.partiql.PartiQlLexer.Kind;
import io.jets.dynamodb.local.internal.partiql.PartiQlLexer.Token;
import io.jets.dynamodb.local.internal.partiql.PartiQlOperands.Operand;
import io.jets.dynamodb.local.internal.partiql.PartiQlOperands.OperandKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a PartiQL WHERE clause with its full grammar (AND, OR, NOT, parentheses, comparisons, BETWEEN, IN, IS
 * and the condition functions) into a condition expression, and notes what the statement runner needs to find
 * the items: the key equalities and IN lists of the top level, and each OR branch's equalities and other
 * attributes.
 */
final class PartiQlConditions {

    private static final Set<String> COMPARATORS = Set.of("=", "<>", "!=", "<", "<=", ">", ">=");
    private static final Map<String, String> TYPE_NAMES = Map.ofEntries(Map.entry("NULL", "NULL"),
            Map.entry("BOOL", "BOOL"), Map.entry("BOOLEAN", "BOOL"), Map.entry("STRING", "S"),
            Map.entry("NUMBER", "N"), Map.entry("BINARY", "B"), Map.entry("BLOB", "B"), Map.entry("LIST", "L"),
            Map.entry("MAP", "M"), Map.entry("TUPLE", "M"), Map.entry("STRUCT", "M"));

    private final PartiQlTokens tokens;
    private final PartiQlOperands operands;
    private final Map<String, JsonNode> equalities = new HashMap<>();
    private final Set<String> inLists = new HashSet<>();
    private final List<PartiQlStatement.Branch> branches = new ArrayList<>();
    private Map<String, JsonNode> branchEqualities = new HashMap<>();

    PartiQlConditions(PartiQlTokens tokens, PartiQlOperands operands) {
        this.tokens = tokens;
        this.operands = operands;
    }

    /** The top-level {@code attribute = value} comparisons, none when the condition has an OR at its top. */
    Map<String, JsonNode> equalities() {
        return equalities;
    }

    /** The attributes compared with a top-level IN list, none when the condition has an OR at its top. */
    Set<String> inLists() {
        return inLists;
    }

    /** The branches of the top-level OR, in order: a single one for a WHERE clause without an OR. */
    List<PartiQlStatement.Branch> branches() {
        return branches;
    }

    String where() {
        tokens.expect("WHERE");
        return or(true);
    }

    private String or(boolean top) {
        StringBuilder condition = new StringBuilder(and(top));
        boolean branched = false;
        while (tokens.peekIs("OR")) {
            tokens.next();
            requireRightHandSide();
            if (top) {
                endBranch();
            }
            condition.append(" OR ").append(and(top));
            branched = true;
        }
        if (top) {
            endBranch();
        }
        if (branched && top) {
            equalities.clear();
            inLists.clear();
        }
        return condition.toString();
    }

    private void endBranch() {
        Set<String> others = new java.util.HashSet<>();
        operands.takeMentions().forEach((name, count) -> {
            if (count > 0) {
                others.add(name);
            }
        });
        branches.add(new PartiQlStatement.Branch(Map.copyOf(branchEqualities), Set.copyOf(others)));
        branchEqualities = new HashMap<>();
    }

    private String and(boolean top) {
        StringBuilder condition = new StringBuilder(not(top));
        while (tokens.peekIs("AND")) {
            tokens.next();
            requireRightHandSide();
            condition.append(" AND ").append(not(top));
        }
        return condition.toString();
    }

    private void requireRightHandSide() {
        if (tokens.peek() == null || tokens.peekIs(";")) {
            throw PartiQlLexer.syntax("Missing right-hand side expression of infix operator");
        }
    }

    private String not(boolean top) {
        if (tokens.peekIs("NOT")) {
            tokens.next();
            String negated = not(false);
            // a parenthesised group is already one term; wrapping it again reads as redundant parentheses
            return negated.startsWith("(") && negated.endsWith(")") ? "NOT " + negated : "NOT (" + negated + ")";
        }
        return predicate(top);
    }

    private String predicate(boolean top) {
        if (tokens.peekIs("(")) {
            tokens.next();
            String inner = or(false);
            tokens.expect(")");
            return "(" + inner + ")";
        }
        Operand left = operands.operand();
        Token operator = tokens.peek();
        if (operator == null) {
            return booleanOperand(left);
        }
        if (operator.kind() == Kind.SYMBOL && COMPARATORS.contains(operator.text())) {
            tokens.next();
            String comparator = operator.is("!=") ? "<>" : operator.text();
            if (left.kind() == OperandKind.FUNCTION && !left.function().equals("size")
                    && (tokens.peekIs("true") || tokens.peekIs("false"))
                    && (comparator.equals("=") || comparator.equals("<>"))) {
                boolean holds = tokens.next().is("true") == comparator.equals("=");
                return holds ? left.text() : "NOT " + left.text();
            }
            Operand right = operands.operand();
            if (top && comparator.equals("=") && left.name() != null && right.kind() == OperandKind.VALUE) {
                equalities.put(left.name(), right.value());
                branchEqualities.put(left.name(), right.value());
                operands.discountMention(left.name());
            }
            return left.text() + " " + comparator + " " + right.text();
        }
        if (operator.is("BETWEEN")) {
            tokens.next();
            String low = operands.operand().text();
            tokens.expect("AND");
            return left.text() + " BETWEEN " + low + " AND " + operands.operand().text();
        }
        if (operator.is("IN") || operator.is("NOT") && tokens.secondIs("IN")) {
            boolean negated = tokens.next().is("NOT");
            if (negated) {
                tokens.next();
            }
            Token open = tokens.next();
            String close = open.is("[") ? "]" : open.is("(") ? ")" : null;
            if (close == null) {
                throw PartiQlLexer.syntax("IN takes a list: [value, …]");
            }
            List<String> members = new ArrayList<>();
            while (!tokens.peekIs(close)) {
                members.add(operands.operand().text());
                if (tokens.peekIs(",")) {
                    tokens.next();
                }
            }
            tokens.next();
            if (top && !negated && left.name() != null) {
                inLists.add(left.name());
            }
            String in = left.text() + " IN (" + String.join(", ", members) + ")";
            return negated ? "NOT (" + in + ")" : in;
        }
        if (operator.is("IS")) {
            tokens.next();
            boolean negated = tokens.peekIs("NOT");
            if (negated) {
                tokens.next();
            }
            return is(left, tokens.next(), negated);
        }
        return booleanOperand(left);
    }

    /** {@code x IS [NOT] NULL | MISSING | type}; IS NULL holds only for the NULL type, not a missing attribute. */
    private String is(Operand left, Token type, boolean negated) {
        if (left.kind() != OperandKind.PATH) {
            throw PartiQlLexer.syntax("IS needs a document path");
        }
        String path = left.text();
        String test;
        if (type.is("MISSING")) {
            test = "attribute_not_exists(" + path + ")";
        } else {
            String typeName = type.kind() == Kind.WORD ? TYPE_NAMES.get(type.text().toUpperCase()) : null;
            if (typeName == null) {
                throw PartiQlLexer.syntax("Expected type name");
            }
            String typeTest = "attribute_type(" + path + ", "
                    + operands.placeholder(Json.object().put("S", typeName)) + ")";
            test = typeTest;
        }
        return negated ? "NOT " + test : test;
    }

    private String booleanOperand(Operand operand) {
        if (operand.kind() == OperandKind.FUNCTION && !operand.function().equals("size")) {
            return operand.text();
        }
        throw PartiQlLexer.syntax("Unexpected term");
    }
}
