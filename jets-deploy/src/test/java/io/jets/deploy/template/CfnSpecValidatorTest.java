package io.jets.deploy.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CfnSpecValidatorTest {

    private final CfnSpecValidator validator = new CfnSpecValidator();

    @Test
    void validate_reportsUnknownTypeMissingRequiredWrongTypesAndDanglingReferences() {
        String template = """
                {"Resources": {
                  "Fn": {"Type": "AWS::Lambda::Function", "Properties": {
                     "Runtime": "java17", "MemorySize": "1536", "Role": {"Fn::GetAtt": ["Missing", "Arn"]},
                     "Environment": {"Variables": {"A": 1}}, "Colour": "red"}},
                  "Esm": {"Type": "AWS::Lambda::EventSourceMapping", "Properties": {
                     "FunctionName": {"Ref": "Nowhere"}, "FunctionResponseTypes": "ReportBatchItemFailures",
                     "FilterCriteria": {"Filters": [{"Pattern": {"a": 1}}]}}},
                  "Odd": {"Type": "AWS::Lambda::Nothing", "Properties": {}}
                }}""";

        assertThat(validator.validate(template)).containsExactlyInAnyOrder(
                "Fn: required property Code missing",
                "Fn.MemorySize: expected Integer, got \"1536\"",
                "Fn.Role: Fn::GetAtt of unknown resource Missing",
                "Fn.Environment.Variables.A: expected String, got 1",
                "Fn.Colour: no such property",
                "Esm.FunctionName: Ref to unknown Nowhere",
                "Esm.FunctionResponseTypes: expected a list, got \"ReportBatchItemFailures\"",
                "Esm.FilterCriteria.Filters[0].Pattern: expected String, got {\"a\":1}",
                "Odd: unknown resource type AWS::Lambda::Nothing");
    }

    @Test
    void validate_reportsARuntimeLambdaDoesNotOffer() {
        String template = """
                {"Parameters": {"Bucket": {"Type": "String"}},
                 "Resources": {
                  "Role": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {"Version": "2012-10-17"}}},
                  "Fn": {"Type": "AWS::Lambda::Function", "Properties": {"Runtime": "java26",
                     "Code": {"S3Bucket": {"Ref": "Bucket"}, "S3Key": "k"}, "Role": {"Fn::GetAtt": ["Role", "Arn"]}}}
                }}""";

        assertThat(validator.validate(template)).containsExactly("Fn.Runtime: not a Lambda runtime: java26");
        assertThat(validator.validate(template.replace("java26", "java25"))).isEmpty();
    }

    @Test
    void validate_acceptsAMinimalValidFunction() {
        String template = """
                {"Parameters": {"Bucket": {"Type": "String"}},
                 "Resources": {
                  "Role": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {"Version": "2012-10-17"}}},
                  "Fn": {"Type": "AWS::Lambda::Function", "Properties": {
                     "Code": {"S3Bucket": {"Ref": "Bucket"}, "S3Key": "k"}, "Role": {"Fn::GetAtt": ["Role", "Arn"]}}}
                }}""";

        assertThat(validator.validate(template)).isEmpty();
    }
}
