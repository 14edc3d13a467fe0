package org.hdbn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SeenItemsTest {

    @Test
    void indexesSortedDistinctItemsPerUserIgnoringContext() {
        // user 0: 4, 1, 4 (again, other context); user 2: 3; user 1 has nothing
        Interactions train = new Interactions(
                new int[] {0, 2, 0, 0},
                new int[] {4, 3, 1, 4},
                new int[] {0, 0, 1, 2});
        SeenItems seen = SeenItems.of(train);

        assertThat(seen.itemsOf(0)).containsExactly(1, 4);
        assertThat(seen.itemsOf(1)).isEmpty();
        assertThat(seen.itemsOf(2)).containsExactly(3);
        assertThat(seen.itemsOf(99)).isEmpty();
        assertThat(seen.contains(0, 4)).isTrue();
        assertThat(seen.contains(0, 3)).isFalse();
        assertThat(seen.contains(2, 3)).isTrue();
        assertThat(seen.contains(7, 3)).isFalse();
        assertThat(seen.userBound()).isEqualTo(3);
        assertThat(seen.itemBound()).isEqualTo(5);
        assertThat(seen.size()).isEqualTo(3);
    }

    @Test
    void emptyTrainingKnowsNothing() {
        SeenItems seen = SeenItems.of(new Interactions(new int[0], new int[0], new int[0]));
        assertThat(seen.userBound()).isZero();
        assertThat(seen.itemBound()).isZero();
        assertThat(seen.itemsOf(0)).isEmpty();
    }

    @Test
    void refusesNegativeIndexesNamingTheRow() {
        Interactions bad = new Interactions(new int[] {0, 1}, new int[] {2, -1}, new int[] {0, 0});
        assertThatThrownBy(() -> SeenItems.of(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 1");
    }
}
