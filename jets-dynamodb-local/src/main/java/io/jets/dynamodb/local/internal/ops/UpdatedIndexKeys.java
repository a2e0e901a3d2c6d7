package io.jets.dynamodb.local.internal.ops;

import io.jets.dynamodb.local.internal.ApiException;

/**
 * How DynamoDB words a secondary index key that an update expression leaves empty. A put names the index and
 * the key ("IndexName: gsi1, IndexKey: lsi1sk"); an UpdateItem, alone or in a transaction, refuses the same
 * value in the update's own words and names neither, whether or not the item existed before.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateItem.html">UpdateItem</a>
 */
final class UpdatedIndexKeys {

    private static final String PUT_FORM = "One or more parameter values are not valid. A value specified for a"
            + " secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty ";
    private static final String TYPE_MISMATCH = "One or more parameter values were invalid: Type mismatch for Index"
            + " Key ";

    private UpdatedIndexKeys() {
    }

    /** The refusal of an update expression's write: an empty index key reworded, any other refusal as it was. */
    static ApiException reworded(ApiException refusal) {
        String message = refusal.getMessage();
        if (message == null || !message.startsWith(PUT_FORM)) {
            return refusal;
        }
        String kind = message.startsWith("binary", PUT_FORM.length()) ? "binary" : "string";
        return ApiException.validation("One or more parameter values are not valid. The update expression"
                + " attempted to update a secondary index key to a value that is not supported. The AttributeValue"
                + " for a key attribute cannot contain an empty " + kind + " value.");
    }

    /** Whether a write was refused for an index key of the wrong type, which a transaction reports per action. */
    static boolean wronglyTyped(ApiException refusal) {
        return refusal.getMessage() != null && refusal.getMessage().startsWith(TYPE_MISMATCH);
    }
}
