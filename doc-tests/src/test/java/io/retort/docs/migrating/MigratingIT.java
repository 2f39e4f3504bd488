package io.retort.docs.migrating;

import static io.retort.orm.Orm.select;

import io.retort.docs.Printed;
import io.retort.engine.Engine;
import io.retort.exception.StaleDataException;
import io.retort.orm.Orm;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.orm.SessionFactory;
import io.retort.testing.DatabaseTest;
import io.retort.testing.OnlyOn;
import io.retort.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;

/** docs/migrating-from-jpa.md: the JPA idioms and their Retort counterparts. */
@OnlyOn({TestDatabase.SQLITE, TestDatabase.POSTGRESQL})
@ExtendWith(Printed.Capture.class)
class MigratingIT {

    @DatabaseTest
    void idioms(Engine engine, Printed printed) {
        Registry.of(Article.class).createAll(engine);
        SessionFactory sessions = SessionFactory.of(engine);
        printed.clear();
        // tag::persist-find-query[]
        try (Session session = sessions.open()) {                    // EntityManager em = emf.createEntityManager()
            Article article = new Article("Jellyfishing");
            session.add(article);                                      // em.persist(article)
            session.commit();                                          // em.getTransaction().commit()
            Article found = session.get(Article.class, article.id);    // em.find(Article.class, id)
            List<Article> titled = session.scalars(select(Article.class)
                    .where(Article_.title.like("Jelly%"))).all();      // "select a from Article a where a.title like ?"
            System.out.println((found == article) + " " + titled.size() + " version " + article.version);
        }
        // end::persist-find-query[]
        printed.assertShown("migrating/MigratingIT.java#persist-find-query");
        // tag::merge[]
        Article detached;
        try (Session session = sessions.open()) {
            detached = session.scalars(select(Article.class)).one();
        }
        detached.body = "Bring a net.";                                // changed while detached
        try (Session session = sessions.open()) {
            Article managed = session.merge(detached);                 // em.merge(detached)
            session.commit();
            System.out.println((managed == detached) + " " + Orm.inspect(managed).state()
                    + " version " + managed.version);
        }
        // end::merge[]
        printed.assertShown("migrating/MigratingIT.java#merge");
        // tag::optimistic-lock[]
        try (Session alice = sessions.open(); Session bob = sessions.open()) {
            Article b = bob.scalars(select(Article.class)).one();
            bob.commit();                                              // bob's transaction ends; b stays loaded
            Article a = alice.scalars(select(Article.class)).one();
            a.title = "Jellyfishing 101";
            alice.commit();                                            // UPDATE ... WHERE id = ? AND version = ?
            b.title = "Jellyfishing for beginners";
            try {
                bob.commit();                                          // OptimisticLockException in JPA
            } catch (StaleDataException e) {
                System.out.println("bob's change was refused: the row changed since he read it");
                bob.rollback();
            }
        }
        // end::optimistic-lock[]
        printed.assertShown("migrating/MigratingIT.java#optimistic-lock");
    }
}
