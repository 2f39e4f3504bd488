package io.retort.impl.orm.relationships;

/** Objects of this package's mapped classes for tests elsewhere (their constructors are package-private). */
public final class RelationshipsFixtures {
    private RelationshipsFixtures() {
    }

    /** The relationships' {@code User} class, whose registry must also list Address and Profile. */
    public static Class<?> userClass() {
        return User.class;
    }

    /** A new user with one address and a profile. */
    public static Object userWithAddress() {
        User user = new User("gc", null);
        user.addresses.add(new Address("gc@x.org"));
        user.profile = new Profile("collectable");
        return user;
    }
}
