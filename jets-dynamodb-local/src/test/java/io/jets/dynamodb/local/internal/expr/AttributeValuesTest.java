package io.jets.dynamodb.local.internal.expr;

import org.junit.jupiter.api.Test;

import static io.jets.dynamodb.local.internal.expr.TestJson.assertValidation;
import static io.jets.dynamodb.local.internal.expr.TestJson.node;
import static io.jets.dynamodb.local.internal.expr.TestJson.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class AttributeValuesTest {

    private static void validate(String value) {
        AttributeValues.validateValue(node(value));
    }

    @Test
    void validValues_pass() {
        assertThatCode(() -> AttributeValues.validateItem(obj("{'s':{'S':''},'n':{'N':'-1.5e3'},'b':{'B':'AQ=='},"
                + "'ss':{'SS':['a','b']},'ns':{'NS':['1','2']},'bs':{'BS':['AQ==']},'bool':{'BOOL':false},"
                + "'null':{'NULL':true},'l':{'L':[{'S':'x'}]},'m':{'M':{'k':{'N':'1'}}}}")))
                .doesNotThrowAnyException();
    }

    @Test
    void valueWithoutOrWithSeveralTypes_isRefused() {
        assertValidation(() -> validate("{}"),
                "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        assertValidation(() -> validate("{'X':'1'}"),
                "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        assertValidation(() -> validate("{'S':'a','N':'1'}"), "Supplied AttributeValue has more than one "
                + "datatypes set, must contain exactly one of the supported datatypes");
        assertValidation(() -> validate("{'L':[{'M':{'a':{}}}]}"),
                "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
    }

    @Test
    void badNumbers_areRefused() {
        assertValidation(() -> validate("{'N':'b'}"), "The parameter cannot be converted to a numeric value: b");
        assertValidation(() -> validate("{'N':''}"), "The parameter cannot be converted to a numeric value");
        assertValidation(() -> validate("{'NS':['1','b']}"), "The parameter cannot be converted to a numeric value: b");
        assertValidation(() -> validate("{'N':'123456789012345678901234567890123456789'}"),
                "Attempting to store more than 38 significant digits in a Number");
        assertValidation(() -> validate("{'N':'-1.23456789012345678901234567890123456789'}"),
                "Attempting to store more than 38 significant digits in a Number");
        assertValidation(() -> validate("{'N':'1e126'}"),
                "Number overflow. Attempting to store a number with magnitude larger than supported range");
        assertValidation(() -> validate("{'N':'-1e-131'}"),
                "Number underflow. Attempting to store a number with magnitude smaller than supported range");
        assertThatCode(() -> validate("{'N':'12345678901234567890123456789012345678000'}")).doesNotThrowAnyException();
        assertThatCode(() -> validate("{'N':'1e-130'}")).doesNotThrowAnyException();
    }

    @Test
    void emptySets_areRefused() {
        assertValidation(() -> validate("{'SS':[]}"),
                "One or more parameter values were invalid: An string set  may not be empty");
        assertValidation(() -> validate("{'NS':[]}"),
                "One or more parameter values were invalid: An number set  may not be empty");
        assertValidation(() -> validate("{'BS':[]}"),
                "One or more parameter values were invalid: Binary sets should not be empty");
    }

    @Test
    void duplicateSetMembers_areRefused() {
        assertValidation(() -> validate("{'SS':['a','a']}"),
                "One or more parameter values were invalid: Input collection [a, a] contains duplicates.");
        assertValidation(() -> validate("{'BS':['Yg==','Yg==']}"),
                "One or more parameter values were invalid: Input collection [Yg==, Yg==]of type BS contains "
                        + "duplicates.");
        assertValidation(() -> validate("{'NS':['1','1.0']}"), "Input collection contains duplicates");
    }

    @Test
    void nullFalse_isRefused() {
        assertValidation(() -> validate("{'NULL':false}"),
                "One or more parameter values were invalid: Null attribute value types must have the value of true");
        assertValidation(() -> validate("{'L':[{'NULL':false}]}"),
                "One or more parameter values were invalid: Null attribute value types must have the value of true");
    }

    @Test
    void compare_numbersNumerically() {
        assertThat(AttributeValues.compare(node("{'N':'10'}"), node("{'N':'9'}"))).isPositive();
        assertThat(AttributeValues.compare(node("{'N':'-1'}"), node("{'N':'-0.5'}"))).isNegative();
        assertThat(AttributeValues.compare(node("{'N':'1.0'}"), node("{'N':'1'}"))).isZero();
    }

    @Test
    void compare_stringsByUtf8Bytes() {
        assertThat(AttributeValues.compare(node("{'S':'Z'}"), node("{'S':'a'}"))).isNegative();
        assertThat(AttributeValues.compare(node("{'S':'é'}"), node("{'S':'z'}"))).isPositive();
        assertThat(AttributeValues.compare(node("{'S':'ab'}"), node("{'S':'a'}"))).isPositive();
        // U+FFFF sorts before U+1F600 in UTF-8, although its UTF-16 code unit is larger than the surrogate's.
        assertThat(AttributeValues.compare(node("{'S':'\uFFFF'}"), node("{'S':'\uD83D\uDE00'}"))).isNegative();
    }

    @Test
    void compare_binaryByUnsignedBytes() {
        // 0x80 vs 0x7F
        assertThat(AttributeValues.compare(node("{'B':'gA=='}"), node("{'B':'fw=='}"))).isPositive();
    }

    @Test
    void equal_setsIgnoreOrder_numbersCompareNumerically() {
        assertThat(AttributeValues.equal(node("{'SS':['a','b']}"), node("{'SS':['b','a']}"))).isTrue();
        assertThat(AttributeValues.equal(node("{'NS':['1','2']}"), node("{'NS':['2.0','1']}"))).isTrue();
        assertThat(AttributeValues.equal(node("{'SS':['a']}"), node("{'SS':['a','b']}"))).isFalse();
        assertThat(AttributeValues.equal(node("{'N':'1'}"), node("{'S':'1'}"))).isFalse();
        assertThat(AttributeValues.equal(node("{'M':{'a':{'L':[{'N':'1'}]}}}"), node("{'M':{'a':{'L':[{'N':'1.0'}]}}}")))
                .isTrue();
        assertThat(AttributeValues.equal(node("{'L':[{'N':'1'},{'N':'2'}]}"), node("{'L':[{'N':'2'},{'N':'1'}]}")))
                .isFalse();
    }

    @Test
    void itemSize_followsDynamoDbsRules() {
        assertThat(AttributeValues.itemSize(obj("{'id':{'S':'abc'}}"))).isEqualTo(5);
        assertThat(AttributeValues.itemSize(obj("{'n':{'N':'123'}}"))).isEqualTo(1 + 3);
        assertThat(AttributeValues.itemSize(obj("{'n':{'N':'0.000100'}}"))).isEqualTo(1 + 2);
        assertThat(AttributeValues.itemSize(obj("{'b':{'B':'AQID'}}"))).isEqualTo(1 + 3);
        assertThat(AttributeValues.itemSize(obj("{'t':{'BOOL':true},'z':{'NULL':true}}"))).isEqualTo(4);
        assertThat(AttributeValues.itemSize(obj("{'m':{'M':{'a':{'S':'xy'}}}}"))).isEqualTo(1 + 3 + 1 + 1 + 2);
        assertThat(AttributeValues.itemSize(obj("{'l':{'L':[{'N':'1'},{'BOOL':true}]}}"))).isEqualTo(1 + 3 + 3 + 2);
        assertThat(AttributeValues.itemSize(obj("{'ss':{'SS':['ab','é']}}"))).isEqualTo(2 + 2 + 2);
    }

    @Test
    void numberSize_countsBase100DigitPairsExponentAndSign() {
        assertThat(AttributeValues.numberSize("0")).isEqualTo(1);
        assertThat(AttributeValues.numberSize("10")).isEqualTo(2);
        assertThat(AttributeValues.numberSize("12")).isEqualTo(2);
        assertThat(AttributeValues.numberSize("1200")).isEqualTo(2);
        assertThat(AttributeValues.numberSize("0.12")).isEqualTo(2);
        assertThat(AttributeValues.numberSize("1.2")).isEqualTo(3);
        assertThat(AttributeValues.numberSize("-1")).isEqualTo(3);
        assertThat(AttributeValues.numberSize("12345678901234567890123456789012345678")).isEqualTo(20);
    }

    @Test
    void normalize_writesNumbersAsDynamoDbReturnsThem() {
        assertThat(AttributeValues.normalize(node("{'N':'1.50'}"))).isEqualTo(node("{'N':'1.5'}"));
        assertThat(AttributeValues.normalize(node("{'N':'01'}"))).isEqualTo(node("{'N':'1'}"));
        assertThat(AttributeValues.normalize(node("{'N':'1E+2'}"))).isEqualTo(node("{'N':'100'}"));
        assertThat(AttributeValues.normalize(node("{'N':'-0'}"))).isEqualTo(node("{'N':'0'}"));
        assertThat(AttributeValues.normalize(node("{'N':'-0.0100'}"))).isEqualTo(node("{'N':'-0.01'}"));
        assertThat(AttributeValues.normalize(node("{'M':{'l':{'L':[{'NS':['1.0','2e1']}]}}}")))
                .isEqualTo(node("{'M':{'l':{'L':[{'NS':['1','20']}]}}}"));
        assertThat(AttributeValues.normalize(node("{'S':'1.50'}"))).isEqualTo(node("{'S':'1.50'}"));
    }
}
