package org.examgate.student;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The in-file duplicate check on its own, at a size that makes its table grow many times. */
class StudentImportDuplicatesTest {

    @Test
    void theFirstRowWinsAndLaterRowsNameItsLine() {
        FileDuplicates duplicates = new FileDuplicates();

        assertThat(duplicates.claim(2, "S1", "M1", "ada@uni.example")).isEmpty();
        assertThat(duplicates.claim(5, "S1", "M2", "ADA@uni.example")).containsExactly(
                "duplicate within the file: same student number as line 2",
                "duplicate within the file: same email as line 2");
        assertThat(duplicates.claim(9, "S3", "M2", null)).containsExactly(
                "duplicate within the file: same matric number as line 5");
    }

    @Test
    void theSameValueAsDifferentKindsOfIdentifierIsNoDuplicate() {
        FileDuplicates duplicates = new FileDuplicates();

        assertThat(duplicates.claim(2, "X1", "X2", null)).isEmpty();
        assertThat(duplicates.claim(3, "X2", "X1", null)).isEmpty();
        assertThat(duplicates.claim(4, "", "", "")).isEmpty();
        assertThat(duplicates.claim(5, "", "", "")).as("empty values claim nothing").isEmpty();
    }

    @Test
    void everyDuplicateIsFoundAndNoOtherAmongManyRows() {
        FileDuplicates duplicates = new FileDuplicates();
        int rows = 200_000;

        for (int line = 2; line < rows + 2; line++) {
            String n = Integer.toString(line);
            assertThat(duplicates.claim(line, "S" + n, "M" + n, n + "@uni.example")).isEmpty();
        }
        for (int line = 2; line < rows + 2; line += 997) {
            String n = Integer.toString(line);
            assertThat(duplicates.claim(rows + line, "S" + n, "other" + n, "other" + n + "@uni.example"))
                    .containsExactly("duplicate within the file: same student number as line " + line);
        }
    }
}
