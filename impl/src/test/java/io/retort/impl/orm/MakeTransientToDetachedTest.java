package io.retort.impl.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.exception.InvalidRequestException;
import io.retort.orm.ObjectState;
import io.retort.orm.Orm;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * {@code Orm.makeTransientToDetached} of a versioned class: the flush's UPDATE checks the version the object holds, so
 * the object must hold the row's; without one it is refused rather than fail later as stale (or match by chance).
 */
class MakeTransientToDetachedTest {
    @Test
    void aVersionedObjectNeedsItsVersion() {
        Account account = new Account("plankton", BigDecimal.ONE);
        account.id = 7L;
        assertThatThrownBy(() -> Orm.makeTransientToDetached(account))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("Cannot make Account with identity 7: Account(plankton) detached: its version"
                        + " Account.version is not set; set it to the row's current version (an UPDATE checks it)");
        account.version = 3;
        Orm.makeTransientToDetached(account);
        assertThat(Orm.inspect(account).state()).isEqualTo(ObjectState.DETACHED);
        assertThat(Orm.inspect(account).identity()).isEqualTo(7L);
    }
}
