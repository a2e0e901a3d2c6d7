package io.jets.dynamodb.local.internal.ops;

/**
 * The distance functions of a vector index and the score each gives a stored vector against a search vector,
 * computed in 32-bit floats as DynamoDB stores vectors in the index: COSINE scores {@code 1 - cosine similarity}
 * (0 for the same direction, 2 for the opposite one), EUCLIDEAN the straight-line distance (not squared), both
 * lower for closer vectors; DOT_PRODUCT scores the dot product, higher for closer vectors and possibly negative.
 *
 * <pre>{@code
 * float score = VectorDistance.of("COSINE").score(stored, searched);
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/VectorSearch.html">Vector search
 *     in DynamoDB</a>
 */
enum VectorDistance {
    COSINE(true),
    EUCLIDEAN(true),
    DOT_PRODUCT(false);

    private final boolean lowerIsCloser;

    VectorDistance(boolean lowerIsCloser) {
        this.lowerIsCloser = lowerIsCloser;
    }

    static VectorDistance of(String name) {
        return valueOf(name);
    }

    /** Whether a lower score means a closer vector, so that results are ordered by ascending score. */
    boolean lowerIsCloser() {
        return lowerIsCloser;
    }

    /** The score of {@code stored} against {@code searched}, two vectors of the same length. */
    float score(float[] stored, float[] searched) {
        return switch (this) {
            case COSINE -> cosine(stored, searched);
            case EUCLIDEAN -> euclidean(stored, searched);
            case DOT_PRODUCT -> dot(stored, searched);
        };
    }

    /** Compares two scores so that the closer comes first. */
    int compare(float a, float b) {
        return lowerIsCloser ? Float.compare(a, b) : Float.compare(b, a);
    }

    private static float dot(float[] a, float[] b) {
        float sum = 0f;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /**
     * A vector of length zero has no direction: its similarity is taken as 0, that of a vector at right angles. The
     * product of the squared lengths is exact in a double, so a vector scores exactly 0 against itself, and the
     * similarity is held within [-1, 1] so that rounding never takes a score outside DynamoDB's range of 0 to 2.
     */
    private static float cosine(float[] a, float[] b) {
        float norms = (float) Math.sqrt((double) dot(a, a) * dot(b, b));
        if (norms == 0f) {
            return 1f;
        }
        return 1f - Math.max(-1f, Math.min(1f, dot(a, b) / norms));
    }

    private static float euclidean(float[] a, float[] b) {
        float sum = 0f;
        for (int i = 0; i < a.length; i++) {
            float difference = a[i] - b[i];
            sum += difference * difference;
        }
        return (float) Math.sqrt(sum);
    }
}
