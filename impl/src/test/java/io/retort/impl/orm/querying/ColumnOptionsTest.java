package io.retort.impl.orm.querying;

import static io.retort.orm.Load.defer;
import static io.retort.orm.Load.joined;
import static io.retort.orm.Load.loadOnly;
import static io.retort.orm.Load.selectIn;
import static io.retort.orm.Load.undefer;
import static io.retort.orm.Load.undeferGroup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.exception.InvalidArgumentException;
import io.retort.orm.Orm;
import org.junit.jupiter.api.Test;

/**
 * The column loader options as values: how they print, compare, and which are refused when built (SQLAlchemy's
 * test_deferred.py::DeferredOptionsTest::test_load_only_w_deferred and the option argument checks of
 * test/orm/test_options.py).
 */
class ColumnOptionsTest {

    @Test
    void columnOptionsPrintAndCompareAsTheyAreWritten() {
        assertThat(loadOnly(User_.name, User_.age)).hasToString("loadOnly(User.name, User.age)");
        assertThat(defer(User_.age).raiseOnLoad()).hasToString("defer(User.age).raiseOnLoad()");
        assertThat(joined(User_.addresses).defer(Address_.emailAddress))
                .hasToString("joined(User.addresses).defer(Address.emailAddress)");
        assertThat(selectIn(User_.addresses).undeferGroup("x")).hasToString("selectIn(User.addresses).undeferGroup(\"x\")");
        assertThat(undeferGroup(Order.class, "primary")).hasToString("undeferGroup(Order.class, \"primary\")");
        assertThat(loadOnly(User_.name)).isEqualTo(loadOnly(User_.name)).isNotEqualTo(loadOnly(User_.age))
                .isNotEqualTo(defer(User_.name));
        assertThat(loadOnly(User_.name).hashCode()).isEqualTo(loadOnly(User_.name).hashCode());
    }

    @Test
    void misbuiltColumnOptionsAreRefusedNamingTheFix() {
        assertThatThrownBy(() -> undefer(User_.age).raiseOnLoad()).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("raiseOnLoad() applies to defer(...) or loadOnly(...), not to undefer(User.age)");
        assertThatThrownBy(() -> loadOnly(User_.name, Address_.emailAddress))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("give one option per class");
        assertThatThrownBy(() -> defer(User_.age).selectIn(User_.addresses))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("Loader path defer(User.age) ends with a column option and cannot continue with"
                        + " User.addresses; give it as another option");
        assertThatThrownBy(() -> joined(User_.addresses).loadOnly(User_.name))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("Column option User.name: the path leads to Address, not to User");
        assertThatThrownBy(() -> loadOnly()).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> Orm.select(User.class).options(defer(Address_.emailAddress)))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("Loader option defer(Address.emailAddress) starts at Address, but this query selects User");
    }
}
