package io.retort.impl.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The session's identity map against a HashMap doing the same: puts, removals amid collisions, growth, iteration. */
class IdentityMapTest {
    private static final EntityMapper<User> USERS = Mappers.of(User.class);
    private static final EntityMapper<Account> ACCOUNTS = Mappers.of(Account.class);

    private static InstanceState state(EntityMapper<?> mapper, Object identity) {
        InstanceState state = new InstanceState(mapper, new Object(), InstanceState.Status.PERSISTENT, null);
        state.identity = identity;
        return state;
    }

    @Test
    void makingRoomAheadKeepsWhatItHoldsAndTakesTheRestWithoutLosingAny() {
        IdentityMap map = new IdentityMap();
        Map<String, InstanceState> model = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            InstanceState held = state(USERS, i);
            map.put(held);
            model.put("User/" + i, held);
        }
        map.ensureCapacity(10_000);
        map.ensureCapacity(0);
        for (int i = 40; i < 10_040; i++) {
            InstanceState held = state(i % 2 == 0 ? USERS : ACCOUNTS, i);
            map.put(held);
            model.put(held.mapper.entityClass().getSimpleName() + "/" + i, held);
        }
        assertThat(map.size()).isEqualTo(model.size());
        for (InstanceState state : model.values()) {
            assertThat(map.get(state.mapper.entityClass(), state.identity)).isSameAs(state);
        }
        assertThat(map).containsExactlyInAnyOrderElementsOf(model.values());
        assertThat(map.remove(model.get("User/7"))).isTrue();
        assertThat(map.get(User.class, 7)).isNull();
    }

    @Test
    void behavesAsAMapFromClassAndKeyThroughRandomPutsAndRemovals() {
        IdentityMap map = new IdentityMap();
        Map<String, InstanceState> model = new HashMap<>();
        Random random = new Random(7);
        for (int step = 0; step < 200_000; step++) {
            EntityMapper<?> mapper = random.nextBoolean() ? USERS : ACCOUNTS;
            // Few distinct keys and sequential ones: long probe runs, and removals inside them.
            Object identity = random.nextInt(10) == 0 ? (Object) ("k" + random.nextInt(50)) : random.nextInt(3000);
            String key = mapper.entityClass().getSimpleName() + "/" + identity;
            int operation = random.nextInt(10);
            if (operation < 5) {
                InstanceState fresh = state(mapper, identity);
                assertThat(map.put(fresh)).isSameAs(model.put(key, fresh));
            } else if (operation < 8) {
                InstanceState held = model.get(key);
                if (held != null) {
                    // Another state under the same key is not the one held: nothing is removed.
                    assertThat(map.remove(state(mapper, identity))).isFalse();
                    assertThat(map.remove(held)).isTrue();
                    model.remove(key);
                } else {
                    assertThat(map.remove(state(mapper, identity))).isFalse();
                }
            } else {
                assertThat(map.get(mapper.entityClass(), identity)).isSameAs(model.get(key));
            }
            assertThat(map.size()).isEqualTo(model.size());
        }
        for (Map.Entry<String, InstanceState> entry : model.entrySet()) {
            InstanceState state = entry.getValue();
            assertThat(map.get(state.mapper.entityClass(), state.identity)).isSameAs(state);
        }
        assertThat(map).containsExactlyInAnyOrderElementsOf(model.values());
        map.clear();
        assertThat(map).isEmpty();
        assertThat(map.get(User.class, 1)).isNull();
    }

    /**
     * A load's single probe: a miss of {@code getForPut} followed by {@code putAbsent} of that key takes the free slot
     * it found; when the table changed in between (another put, a removal, a growth) or the state is of another key,
     * {@code putAbsent} probes again, as {@code put} does. Through half a million sequential keys, past the sizes at
     * which the table grows four times over, every state stays found.
     */
    @Test
    void aMissFollowedByPutAbsentHoldsTheStateEvenWhenTheTableChangedBetween() {
        IdentityMap map = new IdentityMap();
        Map<String, InstanceState> model = new HashMap<>();
        Random random = new Random(11);
        for (int i = 0; i < 500_000; i++) {
            EntityMapper<?> mapper = i % 3 == 0 ? ACCOUNTS : USERS;
            assertThat(map.getForPut(mapper.entityClass(), i)).isNull();
            int between = random.nextInt(20);
            if (between == 0) {
                // Another state filed between the lookup and the put: possibly into the very slot found.
                InstanceState other = state(USERS, -i - 1);
                map.put(other);
                model.put("User/" + (-i - 1), other);
            } else if (between == 1 && !model.isEmpty()) {
                InstanceState gone = model.remove("User/" + (i - 1));
                if (gone != null) {
                    assertThat(map.remove(gone)).isTrue();
                }
            }
            InstanceState fresh = state(mapper, between == 2 ? (Object) ("other " + i) : i);
            map.putAbsent(fresh);
            model.put(mapper.entityClass().getSimpleName() + "/" + fresh.identity, fresh);
            assertThat(map.size()).isEqualTo(model.size());
        }
        for (InstanceState state : model.values()) {
            assertThat(map.get(state.mapper.entityClass(), state.identity)).isSameAs(state);
        }
        java.util.Set<InstanceState> iterated = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        map.forEach(iterated::add);
        assertThat(iterated).hasSize(model.size());
        assertThat(model.values()).allMatch(iterated::contains);
        // A hit forgets any earlier miss: a putAbsent after it files by probing, and replaces nothing it should not.
        InstanceState held = model.get("User/1");
        assertThat(map.getForPut(User.class, 1)).isSameAs(held);
        InstanceState newcomer = state(USERS, 600_001);
        map.putAbsent(newcomer);
        assertThat(map.get(User.class, 600_001)).isSameAs(newcomer);
        assertThat(map.get(User.class, 1)).isSameAs(held);
    }

    /**
     * The free slot a miss found is stale once the table changed: here the miss of "BB" (whose hash is that of "Aa")
     * found the slot after "Aa"'s, and removing "Aa" then frees the key's first slot; a put into the remembered slot
     * would leave "BB" where no lookup looks. The same after the table grew.
     */
    @Test
    void putAbsentProbesAgainWhenTheTableChangedAfterTheMiss() {
        IdentityMap map = new IdentityMap();
        InstanceState aa = state(USERS, "Aa");
        map.put(aa);
        assertThat(map.getForPut(User.class, "BB")).isNull();
        assertThat(map.remove(aa)).isTrue();
        InstanceState bb = state(USERS, "BB");
        map.putAbsent(bb);
        assertThat(map.get(User.class, "BB")).isSameAs(bb);

        IdentityMap growing = new IdentityMap();
        assertThat(growing.getForPut(User.class, "AaAa")).isNull();
        for (int i = 0; i < 100; i++) {
            growing.put(state(ACCOUNTS, i));
        }
        InstanceState late = state(USERS, "AaAa");
        growing.putAbsent(late);
        assertThat(growing.get(User.class, "AaAa")).isSameAs(late);
        assertThat(growing).hasSize(101);

        // Room made ahead between the miss and the put rebuilds the table without adding or removing a state.
        IdentityMap roomy = new IdentityMap();
        for (int i = 0; i < 7; i++) {
            roomy.put(state(ACCOUNTS, i));
        }
        assertThat(roomy.getForPut(User.class, "BBBB")).isNull();
        roomy.ensureCapacity(100_000);
        InstanceState after = state(USERS, "BBBB");
        roomy.putAbsent(after);
        assertThat(roomy.get(User.class, "BBBB")).isSameAs(after);
    }

    @Test
    void theSameKeyOfAnotherClassIsAnotherObject() {
        IdentityMap map = new IdentityMap();
        InstanceState user = state(USERS, 1);
        InstanceState account = state(ACCOUNTS, 1);
        map.put(user);
        map.put(account);
        assertThat(map.get(User.class, 1)).isSameAs(user);
        assertThat(map.get(Account.class, 1)).isSameAs(account);
        assertThat(map.get(User.class, 1L)).isNull(); // keys compare with equals(): an Integer is not a Long
    }

    @Test
    void iterationFailsFastWhenTheMapChanges() {
        IdentityMap map = new IdentityMap();
        map.put(state(USERS, 1));
        map.put(state(USERS, 2));
        Iterator<InstanceState> states = map.iterator();
        states.next();
        map.put(state(USERS, 3));
        assertThatThrownBy(states::next).isInstanceOf(ConcurrentModificationException.class)
                .hasMessage("The identity map changed while it was iterated");
    }

    @Test
    void aStateWithoutIdentityCannotBeHeld() {
        InstanceState pending = new InstanceState(USERS, new Object(), InstanceState.Status.PENDING, null);
        assertThatThrownBy(() -> new IdentityMap().put(pending)).isInstanceOf(IllegalStateException.class)
                .hasMessage("A User without an identity cannot be in the identity map");
    }
}
