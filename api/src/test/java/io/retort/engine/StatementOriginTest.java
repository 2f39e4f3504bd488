package io.retort.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How origins nest and are left, in order and out of order. */
class StatementOriginTest {

    @Test
    void closingRestoresTheEnclosingOrigin() {
        try (StatementOrigin outer = StatementOrigin.enter("outer", "hint")) {
            try (StatementOrigin inner = StatementOrigin.enter("inner", "hint")) {
                assertThat(StatementOrigin.current()).isSameAs(inner);
            }
            assertThat(StatementOrigin.current()).isSameAs(outer);
        }
        assertThat(StatementOrigin.current()).isNull();
    }

    @Test
    void closedOutOfOrderNoClosedOriginBecomesCurrentAgain() {
        // Review of issue 23: closing the inner origin after the outer one made the closed outer one current again,
        // for good: every later statement of the thread was counted under it.
        StatementOrigin outer = StatementOrigin.enter("outer", "hint");
        StatementOrigin inner = StatementOrigin.enter("inner", "hint");
        outer.close();
        assertThat(StatementOrigin.current()).isNull();
        inner.close();
        assertThat(StatementOrigin.current()).isNull();
    }

    @Test
    void anOriginClosedOutOfOrderLeavesTheOneEnteredAfterIt() {
        StatementOrigin first = StatementOrigin.enter("first", "hint");
        StatementOrigin second = StatementOrigin.enter("second", "hint");
        first.close();
        try (StatementOrigin third = StatementOrigin.enter("third", "hint")) {
            second.close(); // not inside "third": changes nothing
            assertThat(StatementOrigin.current()).isSameAs(third);
        }
        assertThat(StatementOrigin.current()).isNull();
    }
}
