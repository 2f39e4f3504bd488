package io.retort.examples.helidon;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The JAX-RS application: the user resource at the root. */
@ApplicationScoped
@ApplicationPath("/")
public class UsersApplication extends Application {
    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(UserResource.class);
    }
}
