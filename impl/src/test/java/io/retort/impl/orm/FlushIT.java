package io.retort.impl.orm;

import static io.retort.orm.Orm.inspect;
import static io.retort.orm.Orm.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Capability;
import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.Row;
import io.retort.engine.StatementEvent;
import io.retort.exception.IntegrityException;
import io.retort.exception.PendingRollbackException;
import io.retort.exception.StaleDataException;
import io.retort.orm.ObjectState;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.orm.SessionFactory;
import io.retort.sql.Sql;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestEngines;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Batched inserts with generated keys, optimistic locking, and a flush that fails. */
class FlushIT {

    @DatabaseTest
    void tenThousandNewObjectsAreInsertedInBatchesAndGetTheirKeysInOrder(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = Registry.of(User.class);
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            List<User> users = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                users.add(new User("user" + i, i % 2 == 0 ? "User " + i : null));
            }
            session.addAll(users);
            session.connection(); // connect first, so the recorder sees only the flush
            recorder.clear();
            session.commit();

            List<StatementEvent> inserts = recorder.eventsWithoutProbe();
            if (engine.supports(Capability.INSERT_RETURNING)) {
                // Multi-row INSERT ... VALUES (...), (...) RETURNING: 1,000 rows a statement.
                assertThat(inserts).hasSize(10);
                String multiRow = "INSERT INTO user_account (name, fullname) VALUES (?, ?), (?, ?)";
                if (engine.dialectName().equals("h2")) { // H2's INSERT ... RETURNING: a query of its FINAL TABLE
                    assertThat(inserts.get(0).sql()).startsWith("SELECT id FROM FINAL TABLE (" + multiRow);
                } else {
                    assertThat(inserts.get(0).sql()).startsWith(multiRow).contains("RETURNING");
                }
            } else {
                // One JDBC batch, the keys read as generated keys.
                assertThat(inserts).hasSize(1);
                assertThat(inserts.get(0).batch()).isTrue();
                assertThat(inserts.get(0).parameterSets()).hasSize(10_000);
            }
            for (int i = 0; i < users.size(); i++) {
                assertThat(users.get(i).id).isEqualTo(i + 1);
            }
            try (Connection conn = engine.connect()) {
                var table = registry.mapping(User.class).table();
                for (Row row : conn.execute(Sql.select(table.c("id"), table.c("name")))) {
                    assertThat(row.get("name")).isEqualTo("user" + (row.get("id", Integer.class) - 1));
                }
            }
            assertThat(session.get(User.class, 5000)).isSameAs(users.get(4999));
        } finally {
            registry.dropAll(engine);
        }
    }

    /**
     * Three flushes of 2,500 new objects on one engine. On SQLite the second and third go without RETURNING and read
     * their rows back by rowid (see {@code RowidReadBackIT}): on every database each object gets its own row's key,
     * is in the identity map and is persistent.
     */
    @DatabaseTest
    void laterFlushesOfManyObjectsGetTheirOwnKeysOnSqliteByRowid(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = Registry.of(User.class);
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            for (String prefix : List.of("a", "b", "c")) {
                List<User> users = new ArrayList<>();
                for (int i = 0; i < 2_500; i++) {
                    users.add(new User(prefix + i, null));
                }
                session.addAll(users);
                recorder.clear();
                session.flush();
                List<String> sql = recorder.sql();
                if (engine.dialectName().equals("sqlite") && !prefix.equals("a")) {
                    assertThat(sql).noneMatch(statement -> statement.contains("RETURNING"))
                            .last().asString().startsWith("SELECT id FROM user_account WHERE rowid > ?");
                }
                for (int i = 0; i < users.size(); i++) {
                    User user = users.get(i);
                    assertThat(inspect(user).state()).isEqualTo(ObjectState.PERSISTENT);
                    assertThat(session.get(User.class, user.id)).isSameAs(user);
                    assertThat(session.connection().execute(Sql.text("SELECT name FROM user_account WHERE id = :id"),
                            java.util.Map.of("id", user.id)).scalar()).isEqualTo(prefix + i);
                }
            }
            session.commit();
        } finally {
            registry.dropAll(engine);
        }
    }

    /**
     * Objects whose key the application gives (a UUID made in Java) and whose class has a server default: the
     * default comes back through RETURNING, and each object gets its own row's value. On SQLite, whose RETURNING
     * rows come in any order, RETURNING also names the key, and the rows are matched to the objects by it (before,
     * each object was an INSERT of its own). That the matching puts each row with its own set, whatever order the
     * rows come in, is shown with distinct values by {@code InsertManyReturningIT} and {@code ReturningKeyOrderTest}.
     */
    @DatabaseTest
    void givenKeysWithServerDefaultsAreInsertedInPagesAndEachObjectGetsItsRowsDefault(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = Registry.of(Ticket.class);
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            List<Ticket> tickets = new ArrayList<>();
            for (int i = 0; i < 2_500; i++) {
                Ticket ticket = new Ticket("ticket " + i, Ticket.Priority.LOW);
                ticket.id = java.util.UUID.nameUUIDFromBytes(("t" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                tickets.add(ticket);
            }
            session.addAll(tickets);
            session.connection();
            recorder.clear();
            session.flush();
            if (engine.supports(Capability.INSERT_RETURNING)) {
                assertThat(recorder.sql()).hasSize(3); // 1,000 + 1,000 + 500 rows
                if (engine.dialectName().equals("sqlite")) {
                    assertThat(recorder.sql().get(0)).endsWith("RETURNING points, id");
                }
            }
            for (Ticket ticket : tickets) {
                assertThat(ticket.points).isEqualTo(7);
            }
            session.commit();
            assertThat(session.get(Ticket.class, tickets.get(1_234).id)).isSameAs(tickets.get(1_234));
        } finally {
            registry.dropAll(engine);
        }
    }

    @DatabaseTest
    void loadedObjectsChangedAndFlushedAreMeasuredAgainstWhatTheFlushWrote(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = Registry.of(Account.class);
        registry.createAll(engine);
        try {
            try (Session setup = Session.open(engine)) {
                for (int i = 0; i < 300; i++) {
                    setup.add(new Account("owner" + i, new BigDecimal(i + ".00")));
                }
                setup.commit();
            }
            try (Session session = Session.open(engine)) {
                List<Account> accounts = session.scalars(select(Account.class).orderBy(Account_.id)).all();
                assertThat(accounts).hasSize(300).allSatisfy(account -> {
                    assertThat(inspect(account).state()).isEqualTo(ObjectState.PERSISTENT);
                    assertThat(session.contains(account)).isTrue();
                });
                for (int i = 0; i < accounts.size(); i += 2) {
                    accounts.get(i).balance = accounts.get(i).balance.add(BigDecimal.ONE);
                }
                recorder.clear();
                session.flush();
                assertThat(recorder.dml()).containsExactly("UPDATE account SET balance=?, version=? WHERE"
                        + " account.id = ? AND account.version = ?");
                assertThat(accounts.get(0).version).isEqualTo(2);
                assertThat(accounts.get(1).version).isEqualTo(1);
                // What the flush wrote is the new baseline: nothing to write again, in the changed objects or not.
                recorder.clear();
                session.flush();
                assertThat(recorder.dml()).isEmpty();
                assertThat(session.isModified(accounts.get(0))).isFalse();
                // A second change of an updated object is measured from the written value and version.
                accounts.get(0).balance = new BigDecimal("7.00");
                accounts.get(1).balance = new BigDecimal("8.00");
                recorder.clear();
                session.commit();
                assertThat(recorder.dml()).containsExactly("UPDATE account SET balance=?, version=? WHERE"
                        + " account.id = ? AND account.version = ?");
                assertThat(accounts.get(0).version).isEqualTo(3);
                assertThat(accounts.get(1).version).isEqualTo(2);
            }
            try (Connection conn = engine.connect()) {
                assertThat(conn.execute(Sql.text("SELECT balance, version FROM account WHERE owner = 'owner0'"))
                        .one().get(1, Integer.class)).isEqualTo(3);
                assertThat(conn.execute(Sql.text("SELECT COUNT(*) FROM account WHERE version = 2"))
                        .scalar(Long.class)).isEqualTo(150L);
                assertThat(conn.execute(Sql.text("SELECT balance FROM account WHERE owner = 'owner1'"))
                        .scalar(BigDecimal.class)).isEqualByComparingTo("8.00");
            }
        } finally {
            registry.dropAll(engine);
        }
    }

    /**
     * test_versioning.py::VersioningTest::test_merge_incorrect_version and test_merge_correct_version: merge() of a
     * copy read at an older version is refused (before, it overwrote the newer row, the UPDATE matching the version
     * the session had loaded); a copy at the row's version, or without one, merges.
     */
    @DatabaseTest
    void mergingACopyOfAnOlderVersionIsRefused(Engine engine) {
        Registry registry = Registry.of(Account.class);
        registry.createAll(engine);
        try {
            Account copy;
            try (Session session = SessionFactory.builder(engine).expireOnCommit(false).build().open()) {
                copy = new Account("plankton", new BigDecimal("1.00"));
                session.add(copy);
                session.commit();
            }
            try (Session session = Session.open(engine)) {
                session.get(Account.class, 1L).balance = new BigDecimal("2.00"); // version 2
                session.commit();
            }
            copy.balance = new BigDecimal("3.00"); // still at version 1
            try (Session session = Session.open(engine)) {
                assertThatThrownBy(() -> session.merge(copy)).isInstanceOf(StaleDataException.class)
                        .hasMessageContaining("Version 1 on the merged Account with identity 1")
                        .hasMessageContaining("does not match the row's version 2");
            }
            copy.version = 2;
            try (Session session = Session.open(engine)) {
                session.merge(copy);
                session.commit();
            }
            copy.version = 0; // never set
            copy.balance = new BigDecimal("4.00");
            try (Session session = Session.open(engine)) {
                Account merged = session.merge(copy);
                session.commit();
                assertThat(merged.version).isEqualTo(4);
                assertThat(merged.balance).isEqualByComparingTo("4.00");
            }
        } finally {
            registry.dropAll(engine);
        }
    }

    /**
     * test_versioning.py::VersioningTest::test_bulk_insert and test_bulk_update: a bulk INSERT gives each row the first
     * version (before, it left the column out: NULL, or a NOT NULL failure); a bulk UPDATE by primary key checks the
     * version each map gives and sets the next (before, it ignored it and could set the version back), raises
     * StaleDataException where a row is at another one, and refuses a map without one.
     */
    @DatabaseTest
    void bulkStatementsKeepTheVersion(Engine engine) {
        Registry registry = Registry.of(Account.class);
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            session.execute(io.retort.orm.Orm.insert(Account.class),
                    List.of(java.util.Map.of("owner", "a", "balance", new BigDecimal("1.00"))));
            Account account = session.scalars(select(Account.class)).one();
            assertThat(account.version).isEqualTo(1);
            session.execute(io.retort.orm.Orm.update(Account.class), List.of(java.util.Map.of("id", account.id,
                    "balance", new BigDecimal("2.00"), "version", 1)));
            assertThat(account.version).isEqualTo(2); // the session's object follows
            assertThat(account.balance).isEqualByComparingTo("2.00");
            session.commit();
            assertThatThrownBy(() -> session.execute(io.retort.orm.Orm.update(Account.class),
                    List.of(java.util.Map.of("id", account.id, "balance", new BigDecimal("3.00"), "version", 1))))
                    .isInstanceOf(StaleDataException.class)
                    .hasMessageContaining("is not at version 1");
            session.rollback();
            assertThatThrownBy(() -> session.execute(io.retort.orm.Orm.update(Account.class),
                    List.of(java.util.Map.of("id", account.id, "balance", new BigDecimal("3.00")))))
                    .isInstanceOf(io.retort.exception.InvalidArgumentException.class)
                    .hasMessageContaining("needs the version each row is expected at in every map");
            assertThatThrownBy(() -> session.execute(io.retort.orm.Orm.update(Account.class),
                    List.of(java.util.Map.of("id", account.id, "version", 2))))
                    .isInstanceOf(io.retort.exception.InvalidArgumentException.class)
                    .hasMessageContaining("needs a field to set besides the key and the version");
            account.balance = new BigDecimal("4.00"); // the ORM's own UPDATE, at version 2
            session.commit();
            assertThat(account.version).isEqualTo(3);
        } finally {
            registry.dropAll(engine);
        }
    }

    /**
     * test_versioning.py::VersioningTest::test_versioncheck: an ORM query FOR UPDATE of an object the session holds,
     * whose row another transaction changed since, refreshes it from the row it locks (before, it kept the old values,
     * and a change to it then failed as stale, or without a version overwrote the other change). SQLAlchemy raises
     * for the versioned object instead, and leaves one without a version as it was; Retort refreshes both (see
     * QueryPlan). Not on SQLite, which has no row locks.
     */
    @DatabaseTest
    @io.retort.testing.OnlyOn({io.retort.testing.TestDatabase.H2, io.retort.testing.TestDatabase.POSTGRESQL,
            io.retort.testing.TestDatabase.MARIADB})
    void aLockingQueryRefreshesTheObjectsItLocks(Engine engine) {
        Registry registry = Registry.of(Account.class);
        registry.createAll(engine);
        try {
            try (Session setup = Session.open(engine)) {
                setup.add(new Account("plankton", new BigDecimal("1.00")));
                setup.commit();
            }
            try (Session mine = Session.open(engine)) {
                Account account = mine.get(Account.class, 1L);
                assertThat(account.balance).isEqualByComparingTo("1.00");
                mine.commit(); // a new transaction for the locking read, where the other change is visible
                assertThat(account.version).isEqualTo(1); // loaded again in the new transaction
                try (Session theirs = Session.open(engine)) {
                    theirs.get(Account.class, 1L).balance = new BigDecimal("2.00");
                    theirs.commit();
                }
                Account locked = mine.scalars(select(Account.class).where(Account_.id.eq(1L)).forUpdate()).one();
                assertThat(locked).isSameAs(account);
                assertThat(account.balance).isEqualByComparingTo("2.00");
                assertThat(account.version).isEqualTo(2);
                account.balance = account.balance.add(BigDecimal.ONE);
                mine.commit();
            }
            try (Session check = Session.open(engine)) {
                assertThat(check.get(Account.class, 1L).balance).isEqualByComparingTo("3.00");
            }
        } finally {
            registry.dropAll(engine);
        }
    }

    /**
     * test_versioning.py::VersioningTest::test_bump_version: a version the application sets is written as given (the
     * UPDATE still checks the version the row was loaded at); before, it was replaced by the loaded version plus one.
     */
    @DatabaseTest
    void aVersionSetByTheApplicationIsWrittenAsGiven(Engine engine) {
        Registry registry = Registry.of(Account.class);
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            Account account = new Account("plankton", new BigDecimal("1.00"));
            session.add(account);
            session.commit();
            account.version = 4;
            account.balance = new BigDecimal("2.00");
            session.commit();
            assertThat(account.version).isEqualTo(4);
            account.balance = new BigDecimal("3.00");
            session.commit();
            assertThat(account.version).isEqualTo(5);
        } finally {
            registry.dropAll(engine);
        }
    }

    @DatabaseTest
    void aConcurrentChangeIsDetectedByTheVersionColumn(Engine engine) {
        Registry registry = Registry.of(Account.class);
        registry.createAll(engine);
        try {
            try (Session setup = Session.open(engine)) {
                setup.add(new Account("plankton", new BigDecimal("1.00")));
                setup.commit();
            }
            try (Session first = Session.open(engine); Session second = Session.open(engine)) {
                Account mine = first.get(Account.class, 1L);
                Account theirs = second.get(Account.class, 1L);
                second.commit(); // release the read, for databases that lock on read (SQLite)
                first.commit();
                mine.balance = new BigDecimal("2.00");
                first.commit();
                assertThat(mine.version).isEqualTo(2); // expired by the commit: loaded in a new transaction
                first.commit(); // release that read, for databases that lock on read (SQLite)

                theirs.balance = new BigDecimal("3.00");
                assertThatThrownBy(second::flush).isInstanceOf(StaleDataException.class)
                        .hasMessageContaining("UPDATE statement on table 'account' expected to match 1 row, but"
                                + " matched 0")
                        .hasMessageContaining("Account with identity 1: Account(plankton) at version 1 was changed or"
                                + " deleted by another transaction");
                // theirs is expired (second's commit): it cannot load while the transaction awaits its rollback.
                assertThatThrownBy(() -> String.valueOf(theirs.version)).isInstanceOf(PendingRollbackException.class);
                assertThatThrownBy(() -> second.get(Account.class, 1L)).isInstanceOf(PendingRollbackException.class)
                        .hasMessageContaining("Call session.rollback()");
                second.rollback();
                Account reloaded = second.get(Account.class, 1L);
                assertThat(reloaded).isSameAs(theirs);
                assertThat(theirs.balance).isEqualByComparingTo("2.00"); // expired by the rollback, reloaded
                assertThat(theirs.version).isEqualTo(2);
                theirs.balance = new BigDecimal("3.00");
                second.commit();
                assertThat(theirs.version).isEqualTo(3);
            }
        } finally {
            registry.dropAll(engine);
        }
    }

    /**
     * Optimistic locking in a batch of three UPDATEs whose middle row another transaction changed: each row's count
     * is checked, not only the first one's or their sum, and the error names that row. The whole flush is rolled
     * back: neither neighbour's change reaches the database.
     */
    @DatabaseTest
    void aConcurrentChangeToOneRowOfABatchIsDetectedAndNamed(Engine engine) {
        Registry registry = Registry.of(Account.class);
        registry.createAll(engine);
        try {
            try (Session setup = Session.open(engine)) {
                setup.addAll(List.of(new Account("karen", new BigDecimal("1.00")),
                        new Account("gary", new BigDecimal("1.00")), new Account("pearl", new BigDecimal("1.00"))));
                setup.commit();
            }
            // Without expiry on commit, the objects keep what was read: the second session writes from stale values.
            SessionFactory sessions = SessionFactory.builder(engine).expireOnCommit(false).build();
            try (Session first = sessions.open(); Session second = sessions.open()) {
                List<Account> theirs = second.scalars(select(Account.class).orderBy(Account_.id)).all();
                second.commit(); // release the read, for databases that lock on read (SQLite)
                Account gary = first.get(Account.class, theirs.get(1).id);
                gary.balance = new BigDecimal("5.00");
                first.commit();

                for (Account account : theirs) {
                    account.balance = new BigDecimal("9.00");
                }
                assertThatThrownBy(second::flush).isInstanceOf(StaleDataException.class)
                        .hasMessageContaining("UPDATE statement on table 'account' expected to match 1 row, but"
                                + " matched 0")
                        .hasMessageContaining("Account(gary) at version 1 was changed");
                second.rollback();
            }
            try (Connection conn = engine.connect()) {
                assertThat(conn.execute(Sql.text("SELECT owner, balance, version FROM account ORDER BY id")).all())
                        .extracting(row -> row.get("owner") + " " + row.get("balance", BigDecimal.class)
                                .setScale(2) + " v" + row.get("version", Integer.class))
                        .containsExactly("karen 1.00 v1", "gary 5.00 v2", "pearl 1.00 v1");
            }
        } finally {
            registry.dropAll(engine);
        }
    }

    @DatabaseTest
    void aFailedFlushTakesBackTheKeysItsEarlierInsertsHadAssigned(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = Registry.of(User.class, Account.class);
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            List<Account> accounts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                accounts.add(new Account("owner" + i, BigDecimal.ONE));
            }
            session.addAll(accounts);
            User nameless = new User("nameless", null);
            nameless.name = null; // NOT NULL: its INSERT fails after the accounts' INSERT assigned keys
            session.add(nameless);
            recorder.clear();
            assertThatThrownBy(session::flush).isInstanceOf(IntegrityException.class);
            assertThat(recorder.dml().get(0)).startsWith("INSERT INTO account");
            assertThat(recorder.dml()).anyMatch(sql -> sql.startsWith("INSERT INTO user_account"));
            assertThat(accounts).allSatisfy(account -> {
                assertThat(account.id).isNull();
                assertThat(account.version).isZero();
            });
            session.rollback();
            assertThat(accounts).allSatisfy(account -> {
                assertThat(account.id).isNull();
                assertThat(inspect(account).state()).isEqualTo(ObjectState.TRANSIENT);
            });
            session.addAll(accounts);
            session.commit();
            assertThat(accounts).allSatisfy(account -> assertThat(account.id).isNotNull());
            assertThat(session.scalars(select(Account.class)).all()).hasSize(3);
        } finally {
            registry.dropAll(engine);
        }
    }

    @DatabaseTest
    void aConstraintViolationRollsBackAndTheSessionIsUsableAfterRollback(Engine engine) {
        Registry registry = Registry.of(Account.class);
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            Account krabs = new Account("krabs", BigDecimal.ONE);
            session.add(krabs);
            session.commit();

            Account early = new Account("pearl", BigDecimal.TEN);
            session.add(early);
            session.flush(); // INSERTed in this transaction
            Account duplicate = new Account("krabs", BigDecimal.TEN);
            session.add(duplicate);
            assertThatThrownBy(session::flush).isInstanceOf(IntegrityException.class)
                    .hasMessageContaining("INSERT INTO account")
                    .hasMessageContaining("Flush failed while writing Account (no identity yet): Account(krabs)")
                    .hasMessageContaining("Call session.rollback() before using the session again");
            assertThat(duplicate.id).isNull();
            assertThat(duplicate.version).isZero(); // the flush's writes are undone

            assertThat(session.isActive()).isFalse();
            assertThatThrownBy(() -> session.add(new Account("sandy", BigDecimal.ONE)))
                    .isInstanceOf(PendingRollbackException.class)
                    .hasMessageContaining("This Session's transaction has been rolled back because of an error during"
                            + " flush: (IntegrityException)")
                    .hasMessageContaining("Call session.rollback() before using the session again");
            assertThatThrownBy(session::commit).isInstanceOf(PendingRollbackException.class);

            session.rollback();
            assertThat(session.isActive()).isTrue();
            assertThat(inspect(duplicate).state()).isEqualTo(ObjectState.TRANSIENT);
            assertThat(inspect(early).state()).isEqualTo(ObjectState.TRANSIENT); // its INSERT was rolled back
            assertThat(early.id).isNull();
            assertThat(inspect(krabs).state()).isEqualTo(ObjectState.PERSISTENT);

            duplicate.owner = "squidward";
            session.add(duplicate);
            session.add(early);
            session.commit();
            assertThat(session.scalars(select(Account.class).orderBy(Account_.owner)).map(a -> a.owner).all())
                    .containsExactly("krabs", "pearl", "squidward");
        } finally {
            registry.dropAll(engine);
        }
    }
}
