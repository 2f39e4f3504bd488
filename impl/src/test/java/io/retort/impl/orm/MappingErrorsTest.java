package io.retort.impl.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.engine.Ddl;
import io.retort.exception.InvalidArgumentException;
import io.retort.exception.MappingException;
import io.retort.orm.Column;
import io.retort.orm.EntityMapping;
import io.retort.orm.Generation;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import io.retort.orm.Orm;
import io.retort.orm.Registry;
import io.retort.orm.Transient;
import io.retort.orm.Version;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** What a mapping becomes, and every mapping error with its message. No database. */
class MappingErrorsTest {

    @Mapped
    static class NoKey {
        String name = "";
    }

    @Mapped
    static class UnsupportedField {
        @Id Integer id = 0;
        List<String> tags = List.of();
    }

    @Mapped
    static class DuplicateColumn {
        @Id Integer id = 0;
        String name = "";
        @Column(name = "name") String alias = "";
    }

    @Mapped
    static class NoDefaultConstructor {
        @Id Integer id;

        NoDefaultConstructor(Integer id) {
            this.id = id;
        }
    }

    @Mapped
    static class FinalField {
        @Id Integer id = 0;
        final String name = "";
    }

    @Mapped
    static class TextVersion {
        @Id Integer id = 0;
        @Version String version = "";
    }

    @Mapped
    static class GeneratedStringKey {
        @Id(generation = Generation.IDENTITY) String code = "";
    }

    @Mapped
    static class PrimitiveGeneratedKey {
        @Id int id;
    }

    static class NotMapped {
        Integer id;
    }

    @Mapped
    static class LengthOnNumber {
        @Id Integer id = 0;
        @Column(length = 10) Integer count = 0;
    }

    @Mapped
    static class BadForeignKey {
        @Id Integer id = 0;
        @io.retort.orm.ForeignKey("user_account") Integer userId = 0;
    }

    @Mapped(table = "line_item")
    static class LineItem {
        @Column(length = 12, index = true) String sku = "";
        @Id(generation = Generation.SEQUENCE) @Nullable Long id;
        @Column(name = "qty") int quantity;
        @Nullable Double unitPrice;
        @Transient String note = "";
        static int counter;
    }

    static class Base {
        @Column(length = 12, index = true) String sku = "";
    }

    @Mapped
    static class FieldInSuperclass extends Base {
        @Id Integer id = 0;
    }

    @Mapped
    static class UnknownBackPopulates {
        @Id Integer id = 0;
        @io.retort.orm.Relationship(backPopulates = "owner") List<Book> books = List.of();
    }

    @Mapped
    static class BadOrderDirection {
        @Id Integer id = 0;
        @io.retort.orm.Relationship(orderBy = "pages desc, title sideways") List<Book> books = List.of();
    }

    @Mapped
    static class UnknownOrderField {
        @Id Integer id = 0;
        @io.retort.orm.Relationship(orderBy = "-isbn") List<Book> books = List.of();
    }

    @Mapped
    static class RelatedToUnmapped {
        @Id Integer id = 0;
        @io.retort.orm.Relationship List<NotMapped> things = List.of();
    }

    @Test
    void relationshipErrorsNameTheClassAndField() {
        assertThatThrownBy(() -> Registry.of(UnknownBackPopulates.class, Book.class, Author.class))
                .isInstanceOf(MappingException.class)
                .hasMessageStartingWith("Relationship io.retort.impl.orm.MappingErrorsTest$UnknownBackPopulates.books"
                        + " has backPopulates = \"owner\", but io.retort.impl.orm.Book has no @Relationship field of"
                        + " that name");
        assertThatThrownBy(() -> Registry.of(BadOrderDirection.class, Book.class, Author.class))
                .isInstanceOf(MappingException.class)
                .hasMessage("Relationship io.retort.impl.orm.MappingErrorsTest$BadOrderDirection.books has orderBy ="
                        + " \"pages desc, title sideways\", whose term \"title sideways\" is not a field name followed"
                        + " by asc or desc; write e.g. orderBy = \"name desc, id\"");
        assertThatThrownBy(() -> Registry.of(UnknownOrderField.class, Book.class, Author.class))
                .isInstanceOf(MappingException.class)
                .hasMessageStartingWith("Relationship io.retort.impl.orm.MappingErrorsTest$UnknownOrderField.books"
                        + " has orderBy = \"-isbn\", but Book maps no field isbn; its fields are");
        assertThatThrownBy(() -> Registry.of(RelatedToUnmapped.class)).isInstanceOf(MappingException.class)
                .hasMessage("Relationship io.retort.impl.orm.MappingErrorsTest$RelatedToUnmapped.things refers to"
                        + " io.retort.impl.orm.MappingErrorsTest$NotMapped, which is not a mapped class; annotate it"
                        + " with @Mapped");
        assertThatThrownBy(() -> Registry.of(io.retort.impl.orm.relationships.RelationshipsFixtures.userClass()))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("which is not in this registry; add it to the registry's classes");
    }

    @Test
    void eachMappingErrorNamesTheClassAndField() {
        assertThatThrownBy(() -> Orm.mapping(NoKey.class)).isInstanceOf(MappingException.class)
                .hasMessage("Class io.retort.impl.orm.MappingErrorsTest$NoKey has no primary key: mark its key field"
                        + " (or the fields of a composite key) with @Id");
        assertThatThrownBy(() -> Orm.mapping(UnsupportedField.class)).isInstanceOf(MappingException.class)
                .hasMessageStartingWith("Field io.retort.impl.orm.MappingErrorsTest$UnsupportedField.tags has type"
                        + " java.util.List<java.lang.String>, which has no column type; mapped fields may be"
                        + " Integer/int")
                .hasMessageEndingWith("Mark the field @Transient to leave it out of the mapping");
        assertThatThrownBy(() -> Orm.mapping(DuplicateColumn.class)).isInstanceOf(MappingException.class)
                .hasMessage("Fields io.retort.impl.orm.MappingErrorsTest$DuplicateColumn.name and"
                        + " io.retort.impl.orm.MappingErrorsTest$DuplicateColumn.alias both map to column 'name' of"
                        + " table duplicate_column; give one another name with @Column(name = \"...\")");
        assertThatThrownBy(() -> Orm.mapping(NoDefaultConstructor.class)).isInstanceOf(MappingException.class)
                .hasMessage("Class io.retort.impl.orm.MappingErrorsTest$NoDefaultConstructor has no constructor"
                        + " without arguments; add one (it may be private or protected) so the ORM can create"
                        + " instances when it loads rows");
        assertThatThrownBy(() -> Orm.mapping(FinalField.class)).isInstanceOf(MappingException.class)
                .hasMessage("Field io.retort.impl.orm.MappingErrorsTest$FinalField.name is final; mapped fields must"
                        + " be assignable when rows are loaded (mark it @Transient to leave it out)");
        assertThatThrownBy(() -> Orm.mapping(TextVersion.class)).isInstanceOf(MappingException.class)
                .hasMessage("Field io.retort.impl.orm.MappingErrorsTest$TextVersion.version is the @Version field"
                        + " but has type java.lang.String; a version is an int, Integer, long or Long");
        assertThatThrownBy(() -> Orm.mapping(GeneratedStringKey.class)).isInstanceOf(MappingException.class)
                .hasMessage("Field io.retort.impl.orm.MappingErrorsTest$GeneratedStringKey.code is generated by the"
                        + " database (IDENTITY) but has type java.lang.String; a database-generated key is an"
                        + " Integer, Long or Short");
        assertThatThrownBy(() -> Orm.mapping(PrimitiveGeneratedKey.class)).isInstanceOf(MappingException.class)
                .hasMessage("Field io.retort.impl.orm.MappingErrorsTest$PrimitiveGeneratedKey.id is a primitive int,"
                        + " but its value is generated by the database; make it a Integer so that an object without"
                        + " a key yet holds null");
        assertThatThrownBy(() -> Orm.mapping(NotMapped.class)).isInstanceOf(MappingException.class)
                .hasMessage("Class io.retort.impl.orm.MappingErrorsTest$NotMapped is not mapped: annotate it with"
                        + " @Mapped (and mark its primary key with @Id)");
        assertThatThrownBy(() -> Orm.mapping(LengthOnNumber.class)).isInstanceOf(MappingException.class)
                .hasMessage("Field io.retort.impl.orm.MappingErrorsTest$LengthOnNumber.count has"
                        + " @Column(length/text/json), which apply to String fields only, but it is a"
                        + " java.lang.Integer");
        assertThatThrownBy(() -> Orm.mapping(BadForeignKey.class)).isInstanceOf(MappingException.class)
                .hasMessage("Field io.retort.impl.orm.MappingErrorsTest$BadForeignKey.userId has"
                        + " @ForeignKey(\"user_account\"); name the referred column as \"table.column\"");
        assertThatThrownBy(() -> Registry.of(User.class, NoKey.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("NoKey has no primary key");
        assertThatThrownBy(() -> Orm.attribute(User.class, "nickname")).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("Class User maps no field named 'nickname'; its mapped fields are [id, name, fullname]");
        assertThatThrownBy(() -> Orm.inspect("a string")).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("A java.lang.String is not a mapped object: its class is not annotated @Mapped");
    }

    @Test
    void aClassThatWasNotEnhancedIsRefusedWithThePluginToAdd() throws Exception {
        // A @Mapped class that never went through retort-enhancer, as a module without the plugin would compile it.
        Class<?> plain = new net.bytebuddy.ByteBuddy().subclass(Object.class)
                .name("io.retort.impl.orm.NotEnhanced")
                .annotateType(net.bytebuddy.description.annotation.AnnotationDescription.Builder.ofType(Mapped.class)
                        .build())
                .defineField("id", Integer.class, net.bytebuddy.description.modifier.Visibility.PACKAGE_PRIVATE)
                .annotateField(net.bytebuddy.description.annotation.AnnotationDescription.Builder.ofType(Id.class)
                        .build())
                .make().load(getClass().getClassLoader()).getLoaded();
        assertThatThrownBy(() -> Orm.mapping(plain)).isInstanceOf(MappingException.class)
                .hasMessageStartingWith("Class io.retort.impl.orm.NotEnhanced is @Mapped but was not enhanced at"
                        + " build time, so the ORM cannot see reads and writes of its fields (expiry, lazy loading,"
                        + " relationships kept in step). Enhance the classes of its module with retort-enhancer: in"
                        + " Maven, add to <build><plugins>:\n    <plugin>\n      <groupId>net.bytebuddy</groupId>")
                .hasMessageContaining("<plugin>io.retort.enhancer.RetortEnhancer</plugin>")
                .hasMessageEndingWith("(goal transform-test as well for @Mapped classes among the tests; with Gradle,"
                        + " apply net.bytebuddy.byte-buddy-gradle-plugin with the same plugin class)");
        assertThatThrownBy(() -> Orm.mapping(FieldInSuperclass.class)).isInstanceOf(MappingException.class)
                .hasMessage("Field io.retort.impl.orm.MappingErrorsTest$Base.sku would be a column of"
                        + " io.retort.impl.orm.MappingErrorsTest$FieldInSuperclass, but it is declared in superclass"
                        + " Base, whose fields the enhancer does not instrument; declare it in FieldInSuperclass, or"
                        + " mark it @Transient (or transient)");
    }

    @Test
    void aMappingBecomesATable() {
        EntityMapping<LineItem> mapping = Orm.mapping(LineItem.class);
        assertThat(mapping.attributeNames()).containsExactly("sku", "id", "quantity", "unitPrice");
        assertThat(mapping.primaryKeyAttributes()).containsExactly("id");
        assertThat(mapping.attributeType("quantity")).isEqualTo(Integer.class);
        assertThat(Ddl.create(Registry.of(LineItem.class).metadata(), "postgresql")).containsExactly(
                "CREATE SEQUENCE line_item_id_seq START WITH 1 INCREMENT BY 1",
                "CREATE TABLE line_item (\n\tsku VARCHAR(12) NOT NULL,\n\tid BIGINT DEFAULT"
                        + " (nextval('line_item_id_seq')) NOT NULL,\n\tqty INTEGER NOT NULL,\n\tunit_price DOUBLE"
                        + " PRECISION,\n\tPRIMARY KEY (id)\n)",
                "CREATE INDEX ix_line_item_sku ON line_item (sku)");
        assertThat(Ddl.create(Registry.of(User.class, Address.class).metadata(), "mariadb")).containsExactly(
                "CREATE TABLE user_account (\n\tid INTEGER AUTO_INCREMENT NOT NULL,\n\tname VARCHAR(30) NOT"
                        + " NULL,\n\tfullname VARCHAR(255),\n\tPRIMARY KEY (id)\n)",
                "CREATE TABLE address (\n\tid INTEGER AUTO_INCREMENT NOT NULL,\n\temail_address VARCHAR(100) NOT"
                        + " NULL,\n\tuser_id INTEGER NOT NULL,\n\tPRIMARY KEY (id),\n\tFOREIGN KEY(user_id)"
                        + " REFERENCES user_account (id)\n)");
        // A class's mapping is built once and shared by every registry.
        assertThat(Registry.of(User.class).metadata().getTable("user_account"))
                .isSameAs(Registry.of(User.class, Address.class).metadata().getTable("user_account"));
    }
}
