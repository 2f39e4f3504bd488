package io.retort.impl.orm.inheritance;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.exception.MappingException;
import io.retort.orm.Id;
import io.retort.orm.Inheritance;
import io.retort.orm.InheritanceStrategy;
import io.retort.orm.Mapped;
import io.retort.orm.Orm;
import io.retort.orm.PolymorphicIdentity;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The mistakes in a hierarchy that the mapping refuses, word for word. SQLAlchemy raises some of these when the
 * mappers are configured (test/orm/inheritance/test_basic.py: a subclass table with no foreign key to its parent's,
 * "Can't determine join between ..."; two classes with one polymorphic identity, a warning there, an error here), and
 * accepts others that Retort refuses because they would lose rows or return wrong ones without a word.
 */
class InheritanceMappingErrorsTest {

    @Mapped
    @Inheritance(strategy = InheritanceStrategy.JOINED, subclasses = {SameIdentityA.class, SameIdentityB.class})
    static class SameIdentityBase {
        @Id @Nullable Integer id;
        @Nullable String type;
    }

    @Mapped(table = "same_a")
    @PolymorphicIdentity("same")
    static class SameIdentityA extends SameIdentityBase {
    }

    @Mapped(table = "same_b")
    @PolymorphicIdentity("same")
    static class SameIdentityB extends SameIdentityBase {
    }

    @Mapped
    @Inheritance(strategy = InheritanceStrategy.JOINED, subclasses = {Listed.class})
    static class Base {
        @Id @Nullable Integer id;
        @Nullable String type;
    }

    @Mapped
    static class Listed extends Base {
    }

    @Mapped
    static class Unlisted extends Base {
    }

    @Mapped
    @Inheritance(strategy = InheritanceStrategy.JOINED, subclasses = {OwnKey.class, Mixed.class, SameTable.class})
    static class JoinedBase {
        @Id @Nullable Integer id;
        @Nullable String type;
    }

    @Mapped
    static class OwnKey extends JoinedBase {
        @Id @Nullable Integer ownId;
    }

    @Mapped
    @Inheritance(strategy = InheritanceStrategy.SINGLE_TABLE)
    static class Mixed extends JoinedBase {
    }

    @Mapped(table = "joined_base")
    static class SameTable extends JoinedBase {
    }

    @Mapped
    @Inheritance(strategy = InheritanceStrategy.SINGLE_TABLE, subclasses = {OtherTable.class})
    static class SingleBase {
        @Id @Nullable Integer id;
        @Nullable String type;
    }

    @Mapped(table = "other")
    static class OtherTable extends SingleBase {
    }

    @Mapped
    @Inheritance(strategy = InheritanceStrategy.SINGLE_TABLE, discriminator = "kind")
    static class NoDiscriminator {
        @Id @Nullable Integer id;
    }

    @Mapped
    static class Plain {
        @Id @Nullable Integer id;
    }

    @Mapped
    static class ExtendsPlain extends Plain {
    }

    private static final String PREFIX = InheritanceMappingErrorsTest.class.getName() + "$";

    @Test
    void twoClassesWithOneIdentity() {
        assertThatThrownBy(() -> Orm.mapping(SameIdentityBase.class)).isInstanceOf(MappingException.class)
                .hasMessage("Classes " + PREFIX + "SameIdentityA and " + PREFIX + "SameIdentityB of the hierarchy of"
                        + " SameIdentityBase both have polymorphic identity 'same'; give each class its own"
                        + " @PolymorphicIdentity");
    }

    @Test
    void aSubclassTheBaseDoesNotList() {
        assertThatThrownBy(() -> Orm.mapping(Unlisted.class)).isInstanceOf(MappingException.class)
                .hasMessage("Class " + PREFIX + "Unlisted extends Base, but Base's @Inheritance(subclasses = ...) does"
                        + " not list it, so a query of Base could not return it; add Unlisted.class to that list");
    }

    // SQLAlchemy: test/orm/inheritance/test_basic.py (a joined subclass must join its parent on the key): Retort
    // makes the key join itself, so a subclass that declares a key of its own is refused.
    @Test
    void aSubclassWithAKeyOfItsOwnHasNoKeyJoin() {
        assertThatThrownBy(() -> Orm.mapping(OwnKey.class)).isInstanceOf(MappingException.class)
                .hasMessage("Field " + PREFIX + "OwnKey.ownId is marked @Id, but OwnKey is a subclass in the"
                        + " hierarchy of JoinedBase and shares its primary key (its table's key columns [id] refer to"
                        + " the key of joined_base); remove @Id, or map the field as an ordinary column");
    }

    @Test
    void aHierarchyThatMixesStrategies() {
        assertThatThrownBy(() -> Orm.mapping(Mixed.class)).isInstanceOf(MappingException.class)
                .hasMessage("Class " + PREFIX + "Mixed declares @Inheritance(strategy = SINGLE_TABLE), but it is in"
                        + " the JOINED hierarchy of JoinedBase (a hierarchy cannot mix SINGLE_TABLE with JOINED); a"
                        + " hierarchy is declared once, on its base class: remove @Inheritance from Mixed");
    }

    @Test
    void aJoinedSubclassOnItsSuperclassTable() {
        assertThatThrownBy(() -> Orm.mapping(SameTable.class)).isInstanceOf(MappingException.class)
                .hasMessage("Class " + PREFIX + "SameTable is in the JOINED hierarchy of JoinedBase but maps to table"
                        + " joined_base, the table of JoinedBase; a JOINED subclass has a table of its own, joined to"
                        + " its superclass's on the key: give it @Mapped(table = \"same_table\") (one table for all is"
                        + " strategy = SINGLE_TABLE)");
    }

    @Test
    void aSingleTableSubclassOnAnotherTable() {
        assertThatThrownBy(() -> Orm.mapping(OtherTable.class)).isInstanceOf(MappingException.class)
                .hasMessage("Class " + PREFIX + "OtherTable names table other, but it is in the SINGLE_TABLE"
                        + " hierarchy of SingleBase, whose classes share table single_base; remove table = \"other\""
                        + " from its @Mapped (a table per class is strategy = JOINED)");
    }

    @Test
    void aDiscriminatorThatNamesNoField() {
        assertThatThrownBy(() -> Orm.mapping(NoDiscriminator.class)).isInstanceOf(MappingException.class)
                .hasMessage("Class " + PREFIX + "NoDiscriminator has @Inheritance(discriminator = \"kind\"), but maps"
                        + " no field named kind; add a field '@Nullable String kind;' (the ORM sets it to each class's"
                        + " @PolymorphicIdentity when the object is flushed), or name yours with discriminator ="
                        + " \"...\"");
    }

    @Test
    void aMappedSubclassOfAClassThatIsNoHierarchyBase() {
        assertThatThrownBy(() -> Orm.mapping(ExtendsPlain.class)).isInstanceOf(MappingException.class)
                .hasMessage("Class " + PREFIX + "ExtendsPlain extends mapped class " + PREFIX + "Plain, which is not"
                        + " the base of an inheritance hierarchy; annotate Plain with @Inheritance(strategy = JOINED"
                        + " or SINGLE_TABLE, subclasses = {ExtendsPlain.class}), or do not extend it");
    }
}
