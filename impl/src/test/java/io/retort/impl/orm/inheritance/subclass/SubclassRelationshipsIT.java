package io.retort.impl.orm.inheritance.subclass;

import static io.retort.orm.Orm.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Engine;
import io.retort.exception.InvalidArgumentException;
import io.retort.orm.Load;
import io.retort.orm.Registry;
import io.retort.orm.Session;
import io.retort.testing.DatabaseTest;
import io.retort.testing.TestEngines;
import java.util.List;

/**
 * Relationships declared on a subclass, for the objects of that subclass a query of the base class loads. Found in
 * review: the loaders set up only the queried class's relationships, so a subclass's own collection read as the empty
 * list its field started with, and its reference as null, without a word. SQLAlchemy's mapper sets up each loaded
 * object's relationships from the object's own class (test/orm/inheritance/test_polymorphic_rel.py's Boss/Manager
 * relationships are of the same kind).
 */
class SubclassRelationshipsIT {

    @DatabaseTest
    void aSubclassesOwnRelationshipsLoadForObjectsOfABaseClassQuery(TestEngines engines) {
        Engine engine = engines.engine();
        Registry registry = Registry.of(Vehicle.class, Depot.class, Cargo.class);
        registry.createAll(engine);
        try {
            try (Session session = Session.open(engine)) {
                Truck truck = new Truck("T-1", new Depot("Bikini Bottom"));
                truck.cargo.add(new Cargo("kelp"));
                truck.cargo.add(new Cargo("patties"));
                session.addAll(List.of(truck, new Car("C-1", "Boatmobile")));
                session.commit();
            }
            try (Session session = Session.open(engine)) {
                List<Vehicle> vehicles = session.scalars(select(Vehicle.class).orderBy(Vehicle_.plate.desc())).all();
                assertThat(vehicles).extracting(v -> v.getClass().getSimpleName()).containsExactly("Truck", "Car");
                Truck truck = (Truck) vehicles.get(0);
                assertThat(truck.cargo).extracting(c -> c.name).containsExactlyInAnyOrder("kelp", "patties");
                assertThat(truck.depot).isNotNull();
                assertThat(truck.depot.city).isEqualTo("Bikini Bottom");
            }
            try (Session session = Session.open(engine)) {
                // A loader option for a subclass's relationship on a query of the base class is refused (SQLAlchemy
                // spells it selectinload(Vehicle.of_type(Truck)...), which Retort does not have): query the subclass.
                assertThatThrownBy(() -> session.scalars(select(Vehicle.class).options(Load.selectIn(Truck_.cargo))))
                        .isInstanceOf(InvalidArgumentException.class)
                        .hasMessageStartingWith("Loader option selectIn(Truck.cargo) starts at Truck, but this query"
                                + " selects Vehicle");
                Truck truck = session.scalars(select(Truck.class).options(Load.selectIn(Truck_.cargo))).one();
                assertThat(truck.cargo).hasSize(2);
            }
        } finally {
            registry.dropAll(engine);
        }
    }
}
