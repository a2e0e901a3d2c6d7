package io.jets.dynamodb.local.internal.storage;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The {@code Items} of a Query or Scan page answered as stored, written as one JSON array: onto the answer's own
 * byte stream when the generator writes to one, so that a page of 100 items of 1 KB goes from the store to the
 * answer in one copy instead of two (through the generator's buffer); through the generator otherwise.
 *
 * <pre>{@code
 * response.putPOJO("Items", new StoredItems(rows));
 * }</pre>
 */
public final class StoredItems implements JsonSerializable {

    private final List<ItemStore.Row> rows;

    public StoredItems(List<ItemStore.Row> rows) {
        this.rows = rows;
    }

    @Override
    public void serialize(JsonGenerator generator, SerializerProvider serializers) throws IOException {
        generator.writeStartArray();
        if (generator.getOutputTarget() instanceof OutputStream out) {
            generator.flush(); // the bracket and all before it go out first
            for (int i = 0; i < rows.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(rows.get(i).bytes());
            }
        } else {
            for (ItemStore.Row row : rows) {
                generator.writeRawValue(row.json());
            }
        }
        generator.writeEndArray();
    }

    @Override
    public void serializeWithType(JsonGenerator generator, SerializerProvider serializers, TypeSerializer types)
            throws IOException {
        serialize(generator, serializers);
    }
}
