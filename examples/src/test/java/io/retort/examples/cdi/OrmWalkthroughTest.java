package io.retort.examples.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The Weld SE walkthrough prints the seed's object states and the rows. */
class OrmWalkthroughTest {

    @Test
    void printsTheSeedsStates() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (SeContainer container = SeContainerInitializer.newInstance().initialize()) {
            OrmWalkthrough.run(container.select(Walkthrough.class).get(),
                    new PrintStream(printed, true, StandardCharsets.UTF_8));
        }
        assertThat(printed.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "1. transient:  squidward.id = null, TRANSIENT",
                "2. pending:    PENDING",
                "3. persistent: squidward.id = 1, PERSISTENT",
                "4. detached:   DETACHED (the request, and its Session, ended)",
                "5. next request: User(id=1, name='squidward', fullname='Squidward Tentacles'), a new instance: true,"
                        + " same instance on a second get: true",
                "6. users named s%: [User(id=1, name='squidward', fullname='Squidward Tentacles'), User(id=2,"
                        + " name='spongebob', fullname='Spongebob Squarepants')]",
                "7. after a request that did not commit: 2 users",
                "8. outside a request: The Session @Default was used outside any request and outside any JTA"
                        + " transaction, so there is no Session for it to use: add @Transactional to the calling"
                        + " method, or activate a request context (annotate the method @ActivateRequestContext, or use"
                        + " RequestContextController). For work of your own outside requests, open a session with the"
                        + " SessionFactory bean.");
    }
}
