package io.retort.impl.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.Inspector;
import io.retort.exception.InvalidArgumentException;
import io.retort.schema.Column;
import io.retort.schema.ForeignKeyConstraint;
import io.retort.schema.Index;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.schema.UniqueConstraint;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestDatabase;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;

/** A schema made by createAll reflects back to the same columns, types, keys and indexes, on every database. */
class ReflectionIT {

    private static Object foreignKeyShape(ForeignKeyConstraint fk) {
        return List.of(fk.columns(), fk.referredTable(), fk.referredColumns(), fk.onDelete());
    }

    private static Object indexShape(Index index) {
        return List.of(index.name(), index.unique(), index.columns());
    }

    @DatabaseTest
    void reflectedSchemaMatchesTheDefinedOne(Engine engine, TestDatabase database) {
        MetaData defined = SchemaIT.sixTables();
        SchemaIT.seedMetadata().tables(); // the seed tables go in a second metadata
        MetaData seed = SchemaIT.seedMetadata();
        defined.createAll(engine);
        seed.createAll(engine);
        MetaData reflected = new MetaData();
        try (Connection conn = engine.connect()) {
            List<Table> tables = conn.inspector().reflect(reflected);
            assertThat(tables).extracting(Table::name).containsExactlyInAnyOrder("address", "assignment",
                    "audit_log", "department", "employee", "project", "timesheet", "user_account");
        }
        for (MetaData source : List.of(defined, seed)) {
            for (Table expected : source.tables()) {
                Table actual = reflected.getTable(expected.name());
                assertThat(actual.columns()).extracting(Column::name)
                        .as("columns of %s", expected.name())
                        .containsExactlyElementsOf(expected.columns().stream().map(Column::name).toList());
                for (Column<?> column : expected.columns()) {
                    Column<?> other = actual.c(column.name());
                    // SQLite's generated keys are rowid aliases, which must be declared INTEGER (64-bit anyway).
                    boolean rowid = database == TestDatabase.SQLITE
                            && expected.autoincrementColumn().orElse(null) == column;
                    assertThat(other.type()).as("type of %s", column)
                            .isEqualTo(rowid ? io.retort.types.Types.INTEGER : column.type());
                    assertThat(other.isNullable()).as("nullability of %s", column).isEqualTo(column.isNullable());
                }
                assertThat(actual.primaryKey().map(k -> k.columns()))
                        .isEqualTo(expected.primaryKey().map(k -> k.columns()));
                assertThat(actual.autoincrementColumn().map(Column::name)).as("autoincrement of %s", expected.name())
                        .isEqualTo(expected.autoincrementColumn().map(Column::name));
                assertThat(actual.foreignKeys().stream().map(ReflectionIT::foreignKeyShape).collect(Collectors.toSet()))
                        .as("foreign keys of %s", expected.name())
                        .isEqualTo(expected.foreignKeys().stream().map(ReflectionIT::foreignKeyShape)
                                .collect(Collectors.toSet()));
                assertThat(new HashSet<>(actual.indexes().stream().map(ReflectionIT::indexShape).toList()))
                        .as("indexes of %s", expected.name())
                        .isEqualTo(new HashSet<>(expected.indexes().stream().map(ReflectionIT::indexShape).toList()));
                assertThat(actual.uniqueConstraints().stream().map(UniqueConstraint::columns).collect(
                        Collectors.toSet())).as("unique constraints of %s", expected.name())
                        .isEqualTo(expected.uniqueConstraints().stream().map(UniqueConstraint::columns)
                                .collect(Collectors.toSet()));
            }
        }
    }

    @DatabaseTest
    void inspectorListsAndRejectsUnknownTables(Engine engine) {
        SchemaIT.seedMetadata().createAll(engine);
        try (Connection conn = engine.connect()) {
            Inspector inspector = conn.inspector();
            assertThat(inspector.tableNames()).containsExactly("address", "user_account");
            assertThat(inspector.hasTable("address")).isTrue();
            assertThat(inspector.hasTable("addres_")).isFalse(); // '_' is not a wildcard
            assertThat(inspector.foreignKeys("address")).singleElement()
                    .satisfies(fk -> assertThat(fk.referredTable()).isEqualTo("user_account"));
            assertThatThrownBy(() -> inspector.columns("nope")).isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("No table 'nope'").hasMessageContaining("user_account");
        }
    }
}
