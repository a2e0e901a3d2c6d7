package io.jets.dynamodb.local.internal.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

class VectorDistanceTest {

    private static final float[] X = {1f, 0f, 0f};
    private static final float[] Y = {0f, 1f, 0f};
    private static final float[] MINUS_X = {-1f, 0f, 0f};
    private static final float[] MIX = {0.6f, 0.8f, 0f};

    @Test
    void cosine_isOneMinusTheCosineSimilarity() {
        assertThat(VectorDistance.COSINE.score(X, X)).isEqualTo(0f);
        assertThat(VectorDistance.COSINE.score(Y, X)).isEqualTo(1f);
        assertThat(VectorDistance.COSINE.score(MINUS_X, X)).isEqualTo(2f);
        assertThat(VectorDistance.COSINE.score(new float[] {3f, 0f, 0f}, X)).isEqualTo(0f);
        assertThat((double) VectorDistance.COSINE.score(MIX, X)).isCloseTo(0.4, offset(1e-6));
    }

    @Test
    void cosine_ofAVectorWithoutLength_isThatOfAVectorAtRightAngles() {
        assertThat(VectorDistance.COSINE.score(new float[] {0f, 0f, 0f}, X)).isEqualTo(1f);
    }

    @Test
    void euclidean_isTheStraightLineDistance_notItsSquare() {
        assertThat(VectorDistance.EUCLIDEAN.score(X, X)).isEqualTo(0f);
        assertThat(VectorDistance.EUCLIDEAN.score(MINUS_X, X)).isEqualTo(2f);
        assertThat(VectorDistance.EUCLIDEAN.score(Y, X)).isEqualTo((float) Math.sqrt(2));
        assertThat(VectorDistance.EUCLIDEAN.score(new float[] {10f, 0f, 0f, 0f}, new float[] {1f, 0f, 0f, 0f}))
                .isEqualTo(9f);
    }

    @Test
    void dotProduct_isTheRawProduct_andCanBeNegative() {
        assertThat(VectorDistance.DOT_PRODUCT.score(X, X)).isEqualTo(1f);
        assertThat(VectorDistance.DOT_PRODUCT.score(MIX, X)).isEqualTo(0.6f);
        assertThat(VectorDistance.DOT_PRODUCT.score(Y, X)).isEqualTo(0f);
        assertThat(VectorDistance.DOT_PRODUCT.score(MINUS_X, X)).isEqualTo(-1f);
    }

    @Test
    void closerComesFirst_lowestForDistances_highestForDotProduct() {
        assertThat(VectorDistance.COSINE.compare(0.1f, 0.2f)).isNegative();
        assertThat(VectorDistance.EUCLIDEAN.compare(2f, 1f)).isPositive();
        assertThat(VectorDistance.DOT_PRODUCT.compare(0.9f, -1f)).isNegative();
    }
}
