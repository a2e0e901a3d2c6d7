package io.jets.dynamodb.local.internal.expr;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static io.jets.dynamodb.local.internal.expr.TestJson.assertValidation;
import static io.jets.dynamodb.local.internal.expr.TestJson.ctx;
import static io.jets.dynamodb.local.internal.expr.TestJson.obj;
import static org.assertj.core.api.Assertions.assertThat;

class ProjectionExpressionTest {

    private static final ObjectNode ITEM = obj("{'id':{'S':'x'},'n':{'N':'1'},"
            + "'m':{'M':{'a':{'S':'A'},'b':{'S':'B'},'l':{'L':[{'N':'0'},{'M':{'c':{'S':'C'},'d':{'S':'D'}}},"
            + "{'N':'2'},{'N':'3'}]}}}}");

    private static ObjectNode project(String expression, String names) {
        return Expressions.projection(expression, ctx(names, null)).apply(ITEM);
    }

    @Test
    void topLevelAttributes_areKept() {
        assertThat(project("id, n, absent", null)).isEqualTo(obj("{'id':{'S':'x'},'n':{'N':'1'}}"));
    }

    @Test
    void nestedMapMembers_keepTheirStructure() {
        assertThat(project("m.a", null)).isEqualTo(obj("{'m':{'M':{'a':{'S':'A'}}}}"));
        assertThat(project("m.l[1].c, #m.b", "{'#m':'m'}"))
                .isEqualTo(obj("{'m':{'M':{'l':{'L':[{'M':{'c':{'S':'C'}}}]},'b':{'S':'B'}}}}"));
    }

    @Test
    void listElements_areKeptInIndexOrder_andCompacted() {
        assertThat(project("m.l[3], m.l[0], m.l[9]", null))
                .isEqualTo(obj("{'m':{'M':{'l':{'L':[{'N':'0'},{'N':'3'}]}}}}"));
    }

    @Test
    void pathsThatDoNotMatchTheItemsShape_returnNothing() {
        assertThat(project("m.a.deeper, n[0], m.l.x, m.zz", null)).isEqualTo(obj("{}"));
    }

    @Test
    void apply_neverMutatesTheItem() {
        ObjectNode copy = ITEM.deepCopy();
        project("m.l[1].c, id", null).with("id").put("S", "changed");
        assertThat(ITEM).isEqualTo(copy);
    }

    @Test
    void overlappingPaths_areRefused() {
        assertValidation(() -> project("m, m.a", null), "Invalid ProjectionExpression: Two document paths overlap "
                + "with each other; must remove or rewrite one of these paths; path one: [m], path two: [m, a]");
    }
}
