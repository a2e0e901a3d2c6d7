package io.jets.dynamodb.local.clients;

import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbImmutable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/** A customer mapped as an immutable value with a builder, the Enhanced Client's other bean style. */
@DynamoDbImmutable(builder = Customer.Builder.class)
public final class Customer {

    private final String id;
    private final String name;
    private final Set<String> tags;

    private Customer(Builder builder) {
        this.id = builder.id;
        this.name = builder.name;
        this.tags = builder.tags;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Customer of(String id, String name, Set<String> tags) {
        return builder().id(id).name(name).tags(tags).build();
    }

    @DynamoDbPartitionKey
    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Set<String> tags() {
        return tags;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Customer that && java.util.Objects.equals(id, that.id)
                && java.util.Objects.equals(name, that.name) && java.util.Objects.equals(tags, that.tags);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(id, name, tags);
    }

    @Override
    public String toString() {
        return "Customer[" + id + ", " + name + ", " + tags + "]";
    }

    public static final class Builder {
        private String id;
        private String name;
        private Set<String> tags;

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder tags(Set<String> tags) {
            this.tags = tags;
            return this;
        }

        public Customer build() {
            return new Customer(this);
        }
    }
}
