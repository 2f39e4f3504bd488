package io.retort.impl.orm.querying;

import static io.retort.orm.Load.defer;
import static io.retort.orm.Load.joined;
import static io.retort.orm.Load.loadOnly;
import static io.retort.orm.Orm.select;
import static org.assertj.core.api.Assertions.assertThat;

import io.retort.orm.EntityAlias;
import io.retort.orm.Orm;
import io.retort.sql.Sql;
import org.junit.jupiter.api.Test;

/**
 * The {@code toString()} of every ORM statement is the SQL it sends, in the default dialect, as SQLAlchemy's
 * {@code str(stmt)} (test/orm/test_core_compilation.py compiles ORM statements the same way).
 */
class OrmStatementSqlTest {

    // SQLAlchemy: test_core_compilation.py::JoinedLoadTest (the joined eager load's LEFT OUTER JOIN is in the SQL)
    @Test
    void anEntitySelectShowsItsEagerJoinsAndDeferredColumns() {
        assertThat(select(User.class).where(User_.name.eq("ed")).options(joined(User_.addresses)).toString())
                .isEqualTo("SELECT users.id, users.name, users.age, users.manager_id, addresses_1.id,"
                        + " addresses_1.email_address, addresses_1.user_id FROM users LEFT OUTER JOIN addresses AS"
                        + " addresses_1 ON addresses_1.user_id = users.id WHERE users.name = :name ORDER BY addresses_1.id");
        assertThat(select(User.class).options(loadOnly(User_.name)).toString())
                .isEqualTo("SELECT users.id, users.name, users.manager_id FROM users");
    }

    // SQLAlchemy: test_core_compilation.py::RawSelectTest::test_aliased_class and ::test_columns_clause_entity
    @Test
    void aSelectOfSeveralElementsAndAliasesShowsItsSql() {
        EntityAlias<User> manager = Orm.aliased(User.class, "manager");
        assertThat(Orm.select(User.class, Address_.emailAddress).join(User_.addresses)
                .options(defer(User_.age)).toString())
                .isEqualTo("SELECT users.id, users.name, users.manager_id, addresses.email_address FROM users"
                        + " JOIN addresses ON addresses.user_id = users.id");
        assertThat(Orm.select(User_.name, manager).toString())
                .isEqualTo("SELECT users.name, manager.id, manager.name, manager.age, manager.manager_id"
                        + " FROM users, users AS manager");
        assertThat(select(User.class).fromStatement(Sql.text("SELECT * FROM users")).toString())
                .isEqualTo("SELECT * FROM users");
    }

    // SQLAlchemy: test/orm/dml/test_bulk_statements.py (str(insert(User)) shows every column as a parameter) and
    // test/orm/dml/test_update_delete_where.py (ORM UPDATE and DELETE compile as Core ones)
    @Test
    void ormDmlShowsItsSql() {
        assertThat(Orm.insert(User.class).toString())
                .isEqualTo("INSERT INTO users (id, name, age, manager_id) VALUES (:id, :name, :age, :manager_id)");
        assertThat(Orm.insert(User.class).returning(User_.id).toString())
                .isEqualTo("INSERT INTO users (id, name, age, manager_id) VALUES (:id, :name, :age, :manager_id)"
                        + " RETURNING id");
        assertThat(Orm.update(User.class).toString())
                .isEqualTo("UPDATE users SET name=:name, age=:age, manager_id=:managerId WHERE users.id = :pk_id");
        assertThat(Orm.update(User.class).set(User_.age, 3).where(User_.name.eq("ed")).toString())
                .isEqualTo("UPDATE users SET age=:age WHERE users.name = :name");
        assertThat(Orm.delete(User.class).where(User_.age.gt(3)).toString())
                .isEqualTo("DELETE FROM users WHERE users.age > :age");
    }
}
