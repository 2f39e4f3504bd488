package io.retort.impl.orm.relationships;

import static io.retort.orm.Load.joined;
import static io.retort.orm.Load.noLoad;
import static io.retort.orm.Load.raise;
import static io.retort.orm.Load.selectIn;
import static io.retort.orm.Orm.inspect;
import static io.retort.orm.Orm.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Engine;
import io.retort.exception.DetachedInstanceException;
import io.retort.exception.InvalidRequestException;
import io.retort.impl.orm.StatementRecorder;
import io.retort.orm.ObjectState;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.orm.SessionFactory;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestEngines;
import java.util.ArrayList;
import java.util.List;

/** Relationships on every database: kinds, backPopulates, cascades, flush order, and the loader strategies. */
class RelationshipsIT {

    private static Registry registry() {
        return Registry.of(User.class, Address.class, Profile.class, PurchaseOrder.class, Item.class,
                OrderLine.class);
    }

    /** 100 users with 3 addresses each. */
    private static void hundredUsers(Engine engine) {
        try (Session session = Session.open(engine)) {
            for (int i = 0; i < 100; i++) {
                User user = new User("user" + i, null);
                for (int j = 0; j < 3; j++) {
                    user.addresses.add(new Address("u" + i + "." + j + "@x.org"));
                }
                session.add(user);
            }
            session.commit();
        }
    }

    @DatabaseTest
    void backPopulatesAndSaveUpdateCascadeFillForeignKeys(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = registry();
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            User spongebob = new User("spongebob", "Spongebob Squarepants");
            Address first = new Address("spongebob@sqlalchemy.org");
            spongebob.addresses.add(first);
            session.add(spongebob); // save-update: the address comes along
            assertThat(inspect(first).state()).isEqualTo(ObjectState.PENDING);
            // Collection side -> reference: synced when the owner is added (here), at once once it is in a session.
            assertThat(first.user).isSameAs(spongebob);
            Address second = new Address("spongebob@aol.com");
            spongebob.addresses.add(second);
            assertThat(second.user).isSameAs(spongebob);

            // Reference side -> collection: synced at the next flush.
            User sandy = new User("sandy", "Sandy Cheeks");
            session.add(sandy);
            Address third = new Address("sandy@sqlalchemy.org");
            third.user = sandy;
            session.add(third);
            session.connection();
            recorder.clear();
            session.flush();
            assertThat(sandy.addresses).containsExactly(third);
            assertThat(recorder.dml()).hasSize(2); // users first, then addresses, each one statement
            assertThat(recorder.dml().get(0)).startsWith("INSERT INTO user_account");
            assertThat(recorder.dml().get(1)).startsWith("INSERT INTO address");
            assertThat(first.userId).isEqualTo(spongebob.id);
            assertThat(third.userId).isEqualTo(sandy.id);
            session.commit();

            // Moving an address from one user's collection to another's moves its foreign key. The commit expired
            // both users: their collections load again on use, and the load of spongebob's autoflushes the move first
            // (as SQLAlchemy's lazy loaders do), so it does not load the moved address back.
            recorder.clear();
            sandy.addresses.add(second);
            assertThat(second.user).isSameAs(sandy);
            assertThat(spongebob.addresses).containsExactly(first);
            assertThat(recorder.dml()).containsExactly("UPDATE address SET user_id=? WHERE address.id = ?");
            session.commit();
            assertThat(second.userId).isEqualTo(sandy.id);
        }
        try (Session session = Session.open(engine)) {
            User sandy = session.scalars(select(User.class).where(User_.name.eq("sandy"))).one();
            assertThat(sandy.addresses).extracting(a -> a.emailAddress)
                    .containsExactly("spongebob@aol.com", "sandy@sqlalchemy.org");
            assertThat(sandy.addresses.get(0).user).isSameAs(sandy); // the identity map joins both sides
        } finally {
            registry.dropAll(engine);
        }
    }

    @DatabaseTest
    void collectionsOfAHundredParentsLoadInTwoStatementsByDefault(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = registry();
        registry.createAll(engine);
        try {
            hundredUsers(engine);
            try (Session session = Session.open(engine)) {
                session.connection();
                recorder.clear();
                List<User> users = session.scalars(select(User.class).orderBy(User_.id)).all();
                assertThat(users).hasSize(100);
                assertThat(recorder.sql()).hasSize(1);
                int addresses = 0;
                for (User user : users) {
                    addresses += user.addresses.size(); // the first touch loads all 100 collections
                }
                assertThat(addresses).isEqualTo(300);
                assertThat(recorder.sql()).hasSize(2);
                assertThat(recorder.sql().get(1)).startsWith("SELECT address.id, address.email_address,"
                        + " address.user_id FROM address WHERE address.user_id IN (?, ?, ?");
                assertThat(recorder.sql().get(1)).endsWith(") ORDER BY address.id");
                assertThat(users.get(7).addresses).extracting(a -> a.emailAddress)
                        .containsExactly("u7.0@x.org", "u7.1@x.org", "u7.2@x.org");
            }
            try (Session session = Session.open(engine)) {
                session.connection();
                recorder.clear();
                List<User> users = session.scalars(select(User.class).options(selectIn(User_.addresses))).all();
                assertThat(recorder.sql()).hasSize(2); // the users, then all their addresses
                users.forEach(u -> assertThat(u.addresses).hasSize(3));
                assertThat(recorder.sql()).hasSize(2);
            }
            try (Session session = Session.open(engine)) {
                session.connection();
                recorder.clear();
                // Many-to-one references are lazy: the first read loads the users of all 300 addresses of the query
                // in one statement, and the other reads find them loaded.
                List<Address> addresses = session.scalars(select(Address.class)).all();
                assertThat(addresses).hasSize(300);
                assertThat(recorder.sql()).hasSize(1);
                for (Address address : addresses) {
                    assertThat(address.user.addresses).contains(address);
                }
                assertThat(addresses.get(0).user.name).isEqualTo("user0");
                assertThat(recorder.sql()).hasSize(3); // the users, then their address collections (lazy, batched)
                assertThat(recorder.sql().get(1)).startsWith("SELECT user_account.id, user_account.name,"
                        + " user_account.fullname FROM user_account WHERE user_account.id IN (?, ?");
            }
        } finally {
            registry.dropAll(engine);
        }
    }

    @DatabaseTest
    void joinedLoadingIsOneStatementAndLimitsParentsNotRows(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = registry();
        registry.createAll(engine);
        try {
            hundredUsers(engine);
            try (Session session = Session.open(engine)) {
                session.connection();
                recorder.clear();
                List<User> users = session.scalars(select(User.class).options(joined(User_.addresses))
                        .orderBy(User_.id)).all();
                assertThat(users).hasSize(100); // de-duplicated parents
                // The one-to-one profile is lazy by default, so only the addresses are joined.
                assertThat(recorder.sql()).containsExactly("SELECT user_account.id, user_account.name,"
                        + " user_account.fullname, addresses_1.id, addresses_1.email_address, addresses_1.user_id"
                        + " FROM user_account LEFT OUTER JOIN address AS addresses_1 ON addresses_1.user_id ="
                        + " user_account.id ORDER BY user_account.id, addresses_1.id");
                users.forEach(u -> assertThat(u.addresses).hasSize(3));
                assertThat(recorder.sql()).hasSize(1);
            }
            try (Session session = Session.open(engine)) {
                session.connection();
                recorder.clear();
                List<User> users = session.scalars(select(User.class).options(joined(User_.addresses))
                        .orderBy(User_.id.desc()).limit(10)).all();
                assertThat(users).hasSize(10); // LIMIT counts users, not joined rows
                assertThat(users.get(0).name).isEqualTo("user99");
                users.forEach(u -> assertThat(u.addresses).hasSize(3));
                assertThat(recorder.sql()).hasSize(1);
                assertThat(recorder.sql().get(0)).contains("FROM (SELECT user_account.id, user_account.name,"
                        + " user_account.fullname, user_account.id AS anon_order_0 FROM user_account ORDER BY"
                        + " user_account.id DESC").contains(") AS anon_1 LEFT OUTER JOIN address AS addresses_1 ON"
                        + " addresses_1.user_id = anon_1.id ORDER BY anon_1.anon_order_0 DESC, addresses_1.id");
            }
        } finally {
            registry.dropAll(engine);
        }
    }

    @DatabaseTest
    void raiseNoLoadAndTheDetachedAccessError(Engine engine) {
        Registry registry = registry();
        registry.createAll(engine);
        try {
            hundredUsers(engine);
            User detached;
            try (Session session = Session.open(engine)) {
                User raising = session.scalars(select(User.class).where(User_.name.eq("user1"))
                        .options(raise(User_.addresses))).one();
                assertThatThrownBy(() -> raising.addresses.size()).isInstanceOf(InvalidRequestException.class)
                        .hasMessage("Relationship User.addresses is not loaded and its loading is RAISE, so accessing"
                                + " it is an error; load it with the query, e.g."
                                + " select(User.class).options(selectIn(User_.addresses))");
                session.expungeAll();
                User empty = session.scalars(select(User.class).where(User_.name.eq("user2"))
                        .options(noLoad(User_.addresses))).one();
                assertThat(empty.addresses).isEmpty();
                session.expungeAll();
                detached = session.scalars(select(User.class).where(User_.name.eq("user3"))).one();
            }
            User user = detached;
            assertThatThrownBy(() -> user.addresses.size()).isInstanceOf(DetachedInstanceException.class)
                    .hasMessage("Cannot read User.addresses: the User with identity 4 is detached (its Session is"
                            + " closed, or it was expunged) and the relationship was never loaded, so there is no"
                            + " Session to load it through. Load it with the query that loads the object, e.g."
                            + " select(User.class).options(selectIn(User_.addresses)), or read it before the Session"
                            + " closes");
        } finally {
            registry.dropAll(engine);
        }
    }

    @DatabaseTest
    void cascadesDeleteAndDeleteOrphanIncludingAReplacedCollection(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = registry();
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            User patrick = new User("patrick", "Patrick Star");
            Address a1 = new Address("p1@x.org");
            Address a2 = new Address("p2@x.org");
            Address a3 = new Address("p3@x.org");
            patrick.addresses.addAll(List.of(a1, a2, a3));
            patrick.profile = new Profile("lives under a rock");
            session.add(patrick);
            session.commit();
            assertThat(patrick.profile.userId).isEqualTo(patrick.id);

            // delete-orphan: removed from the collection, deleted at flush.
            patrick.addresses.remove(a1);
            assertThat(a1.user).isNull();
            recorder.clear();
            session.commit();
            assertThat(recorder.dml()).containsExactly("DELETE FROM address WHERE address.id = ?");
            assertThat(inspect(a1).state()).isEqualTo(ObjectState.DETACHED);

            // Replacing the whole collection deletes the rows left out.
            Address a4 = new Address("p4@x.org");
            recorder.clear();
            patrick.addresses = new ArrayList<>(List.of(a3, a4));
            session.commit();
            assertThat(recorder.dml()).hasSize(2);
            assertThat(recorder.dml().get(0)).startsWith("INSERT INTO address");
            assertThat(recorder.dml().get(1)).isEqualTo("DELETE FROM address WHERE address.id = ?");
            assertThat(recorder.events().get(recorder.events().size() - 1).parameterSets().get(0).get("key_id"))
                    .isEqualTo(a2.id);
            assertThat(a4.user).isSameAs(patrick);
            assertThat(session.scalars(select(Address.class).orderBy(Address_.id)).map(a -> a.emailAddress).all())
                    .containsExactly("p3@x.org", "p4@x.org");

            // delete cascade: the user's addresses and profile go first (sibling tables in name order, reversed).
            session.delete(patrick);
            recorder.clear();
            session.commit();
            assertThat(recorder.dml()).containsExactly("DELETE FROM profile WHERE profile.id = ?",
                    "DELETE FROM address WHERE address.id = ?", "DELETE FROM user_account WHERE user_account.id = ?");
            assertThat(recorder.events().stream().filter(e -> e.sql().startsWith("DELETE FROM address")).findFirst()
                    .orElseThrow().parameterSets()).hasSize(2); // both addresses in one batch
            assertThat(session.scalars(select(Address.class)).all()).isEmpty();
        } finally {
            registry.dropAll(engine);
        }
    }

    @DatabaseTest
    void aJoinedCollectionSharedBySeveralParentsLoadsEachChildOnce(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = Registry.of(Post.class, Tag.class);
        registry.createAll(engine);
        try {
            try (Session session = Session.open(engine)) {
                Tag shared = new Tag("shared");
                for (String title : List.of("first", "second", "third")) {
                    Post post = new Post(title);
                    post.tags.add(shared);
                    post.tags.add(new Tag("only " + title));
                    session.add(post);
                }
                session.commit();
            }
            try (Session session = Session.open(engine)) {
                recorder.clear();
                List<Post> posts = session.scalars(select(Post.class).options(joined(Post_.tags))
                        .orderBy(Post_.title.asc())).all();
                assertThat(recorder.sql()).hasSize(1); // parents and children from one statement
                assertThat(posts).extracting(p -> p.title).containsExactly("first", "second", "third");
                List<Tag> sharedOfEach = new ArrayList<>();
                for (Post post : posts) {
                    assertThat(post.tags).extracting(t -> t.name)
                            .containsExactlyInAnyOrder("shared", "only " + post.title);
                    sharedOfEach.add(post.tags.stream().filter(t -> t.name.equals("shared")).findFirst().orElseThrow());
                }
                assertThat(sharedOfEach.get(1)).isSameAs(sharedOfEach.get(0)); // one object per row identity
                assertThat(sharedOfEach.get(2)).isSameAs(sharedOfEach.get(0));
                // The shared tag's own collection still loads on access, with all three posts.
                assertThat(sharedOfEach.get(0).posts).extracting(p -> p.title)
                        .containsExactlyInAnyOrder("first", "second", "third");
            }
        } finally {
            registry.dropAll(engine);
        }
    }

    @DatabaseTest
    void manyToManyAddAndRemoveWriteTheAssociationTable(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = Registry.of(Post.class, Tag.class);
        registry.createAll(engine);
        try {
            try (Session session = Session.open(engine)) {
                Post post = new Post("Jellyfishing");
                Tag fun = new Tag("fun");
                Tag sea = new Tag("sea");
                post.tags.add(fun);
                post.tags.add(sea);
                session.add(post);
                recorder.clear();
                session.commit();
                assertThat(recorder.dml()).hasSize(3);
                assertThat(recorder.dml().get(2)).isEqualTo("INSERT INTO post_tag (post_id, tag_id) VALUES (?, ?)");
                assertThat(recorder.events().get(2).parameterSets()).hasSize(2);
                assertThat(fun.posts).containsExactly(post); // backPopulates on the other side

                post.tags.remove(fun);
                assertThat(fun.posts).isEmpty();
                Tag krusty = new Tag("krusty");
                krusty.posts.add(post); // from the other side: one row, not two
                session.add(krusty);
                recorder.clear();
                session.commit();
                assertThat(recorder.sql()).contains(
                        StatementRecorder.insertReturning(engine, "INSERT INTO tag (name) VALUES (?)", "id"));
                assertThat(recorder.dml()).containsExactly(StatementRecorder.finalTableInsert(
                        StatementRecorder.insertReturning(engine, "INSERT INTO tag (name) VALUES (?)", "id")),
                        "DELETE FROM post_tag WHERE post_tag.post_id = ? AND post_tag.tag_id = ?",
                        "INSERT INTO post_tag (post_id, tag_id) VALUES (?, ?)");
                assertThat(recorder.events().get(2).parameterSets()).hasSize(1);
            }
            try (Session session = Session.open(engine)) {
                Post post = session.scalars(select(Post.class).options(selectIn(Post_.tags))).one();
                assertThat(post.tags).extracting(t -> t.name).containsExactlyInAnyOrder("sea", "krusty");
                Tag sea = session.scalars(select(Tag.class).where(Tag_.name.eq("sea"))).one();
                assertThat(sea.posts).containsExactly(post);
                List<Post> joined = session.scalars(select(Post.class).join(Post_.tags)
                        .where(Tag_.name.eq("krusty"))).all();
                assertThat(joined).containsExactly(post);
                session.delete(post); // its association rows go first
                recorder.clear();
                session.commit();
                assertThat(recorder.dml()).containsExactly("DELETE FROM post_tag WHERE post_tag.post_id = ?",
                        "DELETE FROM post WHERE post.id = ?");
            }
        } finally {
            registry.dropAll(engine);
        }
    }

    /**
     * Deleting an object that a loaded collection of the other side still holds deletes its association rows and
     * writes none back, in the flush of the delete and in later flushes of the other side (the release's known defect:
     * the row was inserted again after its DELETE, and the flush failed on the foreign key).
     * SQLAlchemy: test/orm/test_unitofwork.py::ManyToManyTest::test_manytomany_delete
     */
    @DatabaseTest
    void deletingAnObjectTheOtherSidesLoadedCollectionHoldsWritesNoAssociationRowBack(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = Registry.of(Post.class, Tag.class);
        registry.createAll(engine);
        try {
            try (Session session = Session.open(engine)) {
                Post post = new Post("Jellyfishing");
                post.tags.add(new Tag("fun"));
                post.tags.add(new Tag("sea"));
                session.add(post);
                session.add(new Post("Karate"));
                session.commit();
            }
            for (boolean twoFlushes : new boolean[] {false, true}) {
                try (Session session = SessionFactory.builder(engine).expireOnCommit(false).build().open()) {
                    Tag sea = session.scalars(select(Tag.class).where(Tag_.name.eq(twoFlushes ? "deep sea" : "sea")))
                            .one();
                    Post karate = session.scalars(select(Post.class).where(Post_.title.eq("Karate"))).one();
                    if (twoFlushes) {
                        sea.posts.add(karate); // the row (karate, sea) is written by the first commit
                        session.commit();
                        assertThat(sea.posts).hasSize(1);
                    } else {
                        assertThat(sea.posts).hasSize(1);
                    }
                    Post post = sea.posts.get(0);
                    session.delete(post);
                    recorder.clear();
                    session.flush();
                    assertThat(recorder.dml()).containsExactly("DELETE FROM post_tag WHERE post_tag.post_id = ?",
                            "DELETE FROM post WHERE post.id = ?");
                    sea.name = twoFlushes ? "sea" : "deep sea"; // a later flush of the side whose collection still holds the object
                    recorder.clear();
                    session.commit();
                    assertThat(recorder.dml()).containsExactly("UPDATE tag SET name=? WHERE tag.id = ?");
                }
                try (io.retort.engine.Connection conn = engine.connect()) {
                    Object rows = conn.scalar(io.retort.sql.Sql.text("SELECT count(*) FROM post_tag"),
                            java.util.Map.of());
                    assertThat(((Number) rows).longValue()).isZero();
                }
            }
            // The other direction: a tag held in a post's loaded Set, deleted, with the default expire on commit.
            try (Session session = Session.open(engine)) {
                Post post = new Post("Bubbles");
                Tag fun = new Tag("fun again");
                post.tags.add(fun);
                session.add(post);
                session.commit();
                assertThat(post.tags).containsExactly(fun); // loaded again after the commit's expiry
                session.delete(fun);
                post.title = "Bubble Bass";
                recorder.clear();
                session.commit();
                assertThat(recorder.dml()).containsExactly("UPDATE post SET title=? WHERE post.id = ?",
                        "DELETE FROM post_tag WHERE post_tag.tag_id = ?", "DELETE FROM tag WHERE tag.id = ?");
                post.title = "Bubble Buddy";
                recorder.clear();
                session.commit();
                assertThat(recorder.dml()).containsExactly("UPDATE post SET title=? WHERE post.id = ?");
            }
        } finally {
            registry.dropAll(engine);
        }
    }

    @DatabaseTest
    void anAssociationObjectWorksEndToEnd(Engine engine) {
        Registry registry = registry();
        registry.createAll(engine);
        try {
            try (Session session = Session.open(engine)) {
                User krabs = new User("krabs", null);
                Item patty = new Item("krabby patty");
                Item soda = new Item("kelp soda");
                PurchaseOrder order = new PurchaseOrder(krabs);
                order.lines.add(new OrderLine(patty, 2));
                order.lines.add(new OrderLine(soda, 1));
                session.add(order);
                session.commit();
                assertThat(order.userId).isEqualTo(krabs.id);
                assertThat(order.lines.get(0).purchaseOrderId).isEqualTo(order.id);
                assertThat(order.lines.get(0).itemId).isEqualTo(patty.id);
            }
            try (Session session = Session.open(engine)) {
                PurchaseOrder order = session.scalars(select(PurchaseOrder.class)
                        .options(selectIn(PurchaseOrder_.lines).selectIn(OrderLine_.item))).one();
                assertThat(order.user.name).isEqualTo("krabs");
                assertThat(order.lines).extracting(l -> l.item.name + " x" + l.quantity)
                        .containsExactlyInAnyOrder("krabby patty x2", "kelp soda x1");
                order.lines.get(0).quantity = 3;
                session.commit();
                session.delete(order); // cascades to its lines
                session.commit();
                assertThat(session.scalars(select(OrderLine.class)).all()).isEmpty();
                assertThat(session.scalars(select(Item.class)).all()).hasSize(2);
            }
        } finally {
            registry.dropAll(engine);
        }
    }

    @DatabaseTest
    void aTreeFiveLevelsDeepIsFlushedAndLoadedBack(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = Registry.of(Node.class);
        registry.createAll(engine);
        try {
            Node root = new Node("level0");
            Node parent = root;
            for (int level = 1; level < 5; level++) {
                for (int sibling = 0; sibling < 2; sibling++) {
                    Node child = new Node("level" + level + "." + sibling);
                    parent.children.add(child);
                }
                parent = parent.children.get(0);
            }
            try (Session session = Session.open(engine)) {
                session.add(root);
                session.connection();
                recorder.clear();
                session.commit();
                assertThat(recorder.dml()).hasSize(5); // one INSERT batch per level: keys come from the database
                assertThat(root.children.get(0).parentId).isEqualTo(root.id);
            }
            try (Session session = Session.open(engine)) {
                Node loaded = session.scalars(select(Node.class).where(Node_.parentId.isNull())).one();
                Node node = loaded;
                List<String> path = new ArrayList<>();
                while (!node.children.isEmpty()) {
                    assertThat(node.children).hasSize(2);
                    node = node.children.get(0);
                    path.add(node.label);
                    assertThat(node.parent.children).contains(node);
                }
                assertThat(path).containsExactly("level1.0", "level2.0", "level3.0", "level4.0");
                session.delete(loaded); // cascade all: the whole tree, leaves first
                session.commit();
                assertThat(session.scalars(select(Node.class)).all()).isEmpty();
            }
        } finally {
            registry.dropAll(engine);
        }
    }

    @DatabaseTest
    void aCycleOfRowsIsResolvedWithAPostUpdate(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = Registry.of(Department.class, Employee.class);
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            Department kitchen = new Department("kitchen");
            Employee squidward = new Employee("squidward", kitchen);
            kitchen.manager = squidward;
            session.add(kitchen);
            session.connection();
            recorder.clear();
            session.commit();
            assertThat(recorder.dml()).hasSize(3);
            assertThat(recorder.dml().get(0)).startsWith("INSERT INTO department");
            assertThat(recorder.dml().get(1)).startsWith("INSERT INTO employee");
            assertThat(recorder.dml().get(2)).isEqualTo("UPDATE department SET manager_id=? WHERE department.id = ?");
            assertThat(kitchen.managerId).isEqualTo(squidward.id);
            assertThat(squidward.departmentId).isEqualTo(kitchen.id);

            session.delete(squidward);
            session.delete(kitchen);
            recorder.clear();
            session.commit();
            assertThat(recorder.dml()).containsExactly("UPDATE department SET manager_id=? WHERE department.id = ?",
                    "DELETE FROM employee WHERE employee.id = ?", "DELETE FROM department WHERE department.id = ?");
        } finally {
            registry.dropAll(engine);
        }
    }

    @DatabaseTest
    void joinsThroughRelationshipsAndMergeCascade(Engine engine) {
        Registry registry = registry();
        registry.createAll(engine);
        try {
            hundredUsers(engine);
            try (Session session = Session.open(engine)) {
                List<User> users = session.scalars(select(User.class).join(User_.addresses)
                        .where(Address_.emailAddress.like("u4_.1@x.org")).orderBy(User_.id)).all();
                assertThat(users).extracting(u -> u.name).containsExactly("user40", "user41", "user42", "user43",
                        "user44", "user45", "user46", "user47", "user48", "user49");
            }
            // A detached graph, changed while detached, merged into a new session (merge cascades along addresses).
            User copy;
            try (Session session = SessionFactory.builder(engine).expireOnCommit(false).build().open()) {
                copy = session.scalars(select(User.class).where(User_.name.eq("user5"))
                        .options(selectIn(User_.addresses))).one();
            }
            copy.fullname = "Five";
            Address extra = new Address("five@x.org");
            copy.addresses.add(extra);
            assertThat(extra.user).isSameAs(copy); // backPopulates, out of any session
            assertThat(copy.addresses).hasSize(4);
            try (Session session = Session.open(engine)) {
                User merged = session.merge(copy);
                assertThat(merged).isNotSameAs(copy);
                assertThat(merged.fullname).isEqualTo("Five");
                assertThat(merged.addresses).hasSize(4);
                session.commit();
                assertThat(merged.addresses.get(3).emailAddress).isEqualTo("five@x.org");
                assertThat(merged.addresses.get(3).userId).isEqualTo(merged.id);
            }
        } finally {
            registry.dropAll(engine);
        }
    }

    @DatabaseTest
    void movedOneToOneAndDirectForeignKeysStayPutAcrossFlushes(Engine engine) {
        Registry registry = registry();
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            User krabs = new User("krabs", null);
            User pearl = new User("pearl", null);
            Profile profile = new Profile("money");
            krabs.profile = profile;
            session.addAll(List.of(krabs, pearl));
            session.commit();
            // Move the profile: the old owner's side is cleared, and a second flush keeps it where it went.
            pearl.profile = profile;
            krabs.profile = null;
            session.commit();
            assertThat(profile.user).isSameAs(pearl);
            assertThat(profile.userId).isEqualTo(pearl.id);
            session.commit();
            assertThat(profile.userId).isEqualTo(pearl.id);

            // A foreign key set directly, with the reference left as it was, is written as set.
            Address address = new Address("moving@x.org");
            krabs.addresses.add(address);
            session.commit();
            address.userId = pearl.id;
            session.commit();
            int addressId = address.id;
            session.expungeAll();
            Address reloaded = session.get(Address.class, addressId);
            assertThat(reloaded.user.name).isEqualTo("pearl");
        } finally {
            registry.dropAll(engine);
        }
    }

    @DatabaseTest
    void expungingAPendingParentTakesItsPendingChildrenAlong(Engine engine) {
        Registry registry = registry();
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            User user = new User("gary", null);
            Address address = new Address("gary@x.org");
            user.addresses.add(address);
            session.add(user);
            session.delete(user); // never flushed: it and what its cascade brought in are transient again
            assertThat(inspect(address).state()).isEqualTo(ObjectState.TRANSIENT);
            session.commit();
            assertThat(session.scalars(select(User.class)).all()).isEmpty();
            assertThat(session.scalars(select(Address.class)).all()).isEmpty();
        } finally {
            registry.dropAll(engine);
        }
    }

    @DatabaseTest
    void aWideTreeIsInsertedOneBatchPerLevel(TestEngines engines) {
        StatementRecorder recorder = new StatementRecorder();
        Engine engine = engines.create(recorder.options());
        Registry registry = Registry.of(Node.class);
        registry.createAll(engine);
        try (Session session = Session.open(engine)) {
            Node root = new Node("root");
            for (int i = 0; i < 50; i++) {
                Node child = new Node("child" + i);
                root.children.add(child);
                for (int j = 0; j < 3; j++) {
                    child.children.add(new Node("grandchild" + i + "." + j));
                }
            }
            session.add(root);
            session.connection();
            recorder.clear();
            session.commit();
            assertThat(recorder.dml()).hasSize(3); // root, 50 children, 150 grandchildren
            assertThat(root.children.get(49).children.get(2).parentId).isEqualTo(root.children.get(49).id);
        } finally {
            registry.dropAll(engine);
        }
    }
}
