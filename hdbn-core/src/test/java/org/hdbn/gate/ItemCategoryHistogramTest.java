package org.hdbn.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hdbn.data.Interactions;
import org.junit.jupiter.api.Test;

class ItemCategoryHistogramTest {

    // items 0..4 have categories 0, 1, 1, 2, 0
    private static final int[] CATEGORY = {0, 1, 1, 2, 0};

    @Test
    void histogramsByHand() {
        // user 0: items 0, 1, 2, 1 -> categories 0, 1, 1, 1 -> (1/4, 3/4, 0)
        // user 1: no interactions -> zeros, flagged
        // user 2: items 3, 4 -> categories 2, 0 -> (1/2, 0, 1/2)
        // user 3: no interactions (after the largest user index seen) -> zeros, flagged
        Interactions data = new Interactions(
                new int[] {0, 2, 0, 0, 2, 0},
                new int[] {0, 3, 1, 2, 4, 1},
                new int[] {5, 5, 5, 5, 5, 5});
        EntityFeatures f = new ItemCategoryHistogram(CATEGORY, 3).build(data, 4);
        assertThat(f.numEntities()).isEqualTo(4);
        assertThat(f.rows()[0]).containsExactly(0.25, 0.75, 0.0);
        assertThat(f.rows()[1]).containsExactly(0.0, 0.0, 0.0);
        assertThat(f.rows()[2]).containsExactly(0.5, 0.0, 0.5);
        assertThat(f.rows()[3]).containsExactly(0.0, 0.0, 0.0);
        assertThat(f.missing()).containsExactly(false, true, false, true);
        assertThat(f.numMissing()).isEqualTo(2);
        assertThat(FeatureRows.of(f.rows()).featured()).containsExactly(0, 2);
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> new ItemCategoryHistogram(new int[] {0, 3}, 3))
                .hasMessage("itemCategory[1] = 3 is outside [0, 3)");
        ItemCategoryHistogram h = new ItemCategoryHistogram(CATEGORY, 3);
        Interactions badUser = new Interactions(new int[] {0, 7}, new int[] {0, 0}, new int[2]);
        assertThatThrownBy(() -> h.build(badUser, 4))
                .hasMessage("interaction 1: user 7 is outside [0, 4)");
        Interactions badItem = new Interactions(new int[] {0}, new int[] {5}, new int[1]);
        assertThatThrownBy(() -> h.build(badItem, 4))
                .hasMessage("interaction 0: item 5 has no category (categories are known for items [0, 5))");
    }
}
