package org.hdbn.run.atomic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {

    @Test
    void plainIntegersSortNumericallySoIndexTokensKeepTheirIds() {
        Vocabulary v = Vocabulary.sorted(List.of("10", "2", "0", "2", "1"));
        assertThat(v.tokens()).containsExactly("0", "1", "2", "10");
        assertThat(v.id("10")).isEqualTo(3);
        assertThat(v.id("11")).isEqualTo(-1);
    }

    @Test
    void anyOtherTokenSortsTheWholeFieldAsStrings() {
        assertThat(Vocabulary.sorted(List.of("u9", "u10", "a")).tokens()).containsExactly("a", "u10", "u9");
        // a leading zero or a sign would make two tokens one number
        assertThat(Vocabulary.sorted(List.of("10", "9", "007")).tokens()).containsExactly("007", "10", "9");
        assertThat(Vocabulary.sorted(List.of("10", "-1")).tokens()).containsExactly("-1", "10");
    }

    @Test
    void idsDependOnWhichTokensOccurNotOnTheirOrder() {
        assertThat(Vocabulary.sorted(List.of("b", "c", "a"))).isEqualTo(Vocabulary.sorted(List.of("a", "b", "c", "a")));
    }

    @Test
    void inOrderKeepsTheGivenOrderAndRefusesRepeats() {
        assertThat(Vocabulary.inOrder(List.of("z", "a")).id("a")).isEqualTo(1);
        assertThatThrownBy(() -> Vocabulary.inOrder(List.of("z", "z")))
                .hasMessage("token 'z' appears twice");
    }
}
