package io.retort.orm;

import io.retort.exception.InvalidArgumentException;
import io.retort.orm.spi.OrmProvider;
import io.retort.sql.ColumnReference;
import io.retort.sql.CompiledSql;
import io.retort.sql.Executable;
import io.retort.sql.Expression;
import io.retort.sql.Labeled;
import io.retort.sql.OrderBy;
import io.retort.sql.Predicate;
import io.retort.sql.RowLock;
import io.retort.sql.Select;
import io.retort.sql.Sql;
import io.retort.sql.TableReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An ORM-enabled SELECT of mapped classes, {@linkplain EntityAlias entity aliases}, metamodel attributes and Core
 * expressions in any mix, as SQLAlchemy 2.0's {@code select(User, Address.email_address)}: made by
 * {@link Orm#select(Object, Object...)}, run by {@link Session#execute(OrmSelect)}, whose rows hold the
 * identity-mapped instances of the entity elements and the values of the others.
 *
 * <pre>{@code
 * for (Row row : session.execute(Orm.select(User.class, Address.class).join(User_.addresses))) {
 *     User user = row.get(0, User.class);
 *     Address address = row.get(1, Address.class);
 * }
 * // SELECT user_account.id, user_account.name, ..., address.id, address.email_address, ... FROM user_account
 * // JOIN address ON user_account.id = address.user_id
 * }</pre>
 *
 * <p>Immutable and generative like {@link Select}: each method returns a new statement. {@link #statement()} is the
 * Core SELECT it runs: each entity element contributes its table's (or alias's) columns in attribute order.
 */
public final class OrmSelect {

    /**
     * One element of the select list: an entity (a mapped class, or an alias of one) or an expression.
     *
     * @param key the element's name in the row: the class's simple name, the alias's name, or the column's name or
     *        label
     * @param entityClass the mapped class of an entity element, null for an expression
     * @param table the table or alias an entity element reads, null for an expression
     * @param expression the expression of an expression element, null for an entity
     */
    public record Element(String key, @Nullable Class<?> entityClass, @Nullable TableReference table,
            @Nullable Expression<?> expression) {
        /** Whether it is an entity (or entity alias) element. */
        public boolean isEntity() {
            return entityClass != null;
        }
    }

    /** The parts of a statement; each method copies them. */
    private record Parts(List<Element> elements, Select statement, List<LoadOption> loadOptions,
            @Nullable Executable source, List<QueryOption> queryOptions) {
    }

    private final Parts parts;

    private OrmSelect(Parts parts) {
        this.parts = parts;
    }

    static OrmSelect of(List<?> items) {
        if (items.isEmpty()) {
            throw new InvalidArgumentException("Orm.select() needs at least one mapped class, alias or expression");
        }
        List<Element> elements = new ArrayList<>();
        List<Expression<?>> columns = new ArrayList<>();
        for (Object item : items) {
            Objects.requireNonNull(item, "a select element");
            if (item instanceof Class<?> type) {
                EntityMapping<?> mapping = OrmProvider.instance().mapping(type);
                elements.add(new Element(type.getSimpleName(), type, mapping.table(), null));
                addColumns(columns, mapping, mapping.table());
            } else if (item instanceof EntityAlias<?> alias) {
                EntityMapping<?> mapping = OrmProvider.instance().mapping(alias.entityClass());
                elements.add(new Element(alias.name(), alias.entityClass(), alias.table(), null));
                for (String attribute : mapping.attributeNames()) {
                    columns.add(alias.column(attribute));
                }
            } else if (item instanceof Expression<?> expression) {
                elements.add(new Element(keyOf(expression, elements.size()), null, null, expression));
                columns.add(expression);
            } else {
                throw new InvalidArgumentException("Orm.select() takes mapped classes (User.class), aliases"
                        + " (Orm.aliased(User.class)), attributes (User_.name) and Core expressions, not a "
                        + item.getClass().getName() + " (" + item + ")");
            }
        }
        return new OrmSelect(new Parts(List.copyOf(elements), Sql.select(columns.toArray(new Expression<?>[0])),
                List.of(), null, List.of()));
    }

    private static void addColumns(List<Expression<?>> columns, EntityMapping<?> mapping, TableReference table) {
        for (String attribute : mapping.attributeNames()) {
            // the mapping's own columns: a JOINED subclass's inherited attributes are in its superclasses' tables
            columns.add(table.equals(mapping.table()) ? mapping.column(attribute)
                    : table.columnReference(mapping.column(attribute).name()));
        }
    }

    private static String keyOf(Expression<?> expression, int index) {
        if (expression instanceof ColumnAttribute<?, ?> attribute) {
            return attribute.attributeName();
        }
        if (expression instanceof ColumnReference<?> column) {
            return column.name();
        }
        if (expression instanceof Labeled<?> labeled) {
            return labeled.name();
        }
        return "column_" + (index + 1);
    }

    private OrmSelect with(Select changed) {
        return new OrmSelect(new Parts(parts.elements, changed, parts.loadOptions, parts.source,
                parts.queryOptions));
    }

    /** The elements of the select list, in order. */
    public List<Element> elements() {
        return parts.elements;
    }

    /** The Core SELECT this statement runs (without the joins of {@link Load#joined} options). */
    public Select statement() {
        return parts.statement;
    }

    /** The statement given to {@link #fromStatement}, or null. */
    public @Nullable Executable source() {
        return parts.source;
    }

    /** The loader options given with {@link #options(LoadOption...)}. */
    public List<LoadOption> loadOptions() {
        return parts.loadOptions;
    }

    /** The query options given with {@link #options(QueryOption...)}. */
    public List<QueryOption> queryOptions() {
        return parts.queryOptions;
    }

    /** Adds WHERE criteria, joined with AND. */
    public OrmSelect where(Predicate... criteria) {
        return with(parts.statement.where(criteria));
    }

    /** Appends ORDER BY items. */
    public OrmSelect orderBy(OrderBy... items) {
        return with(parts.statement.orderBy(items));
    }

    /** Appends ORDER BY expressions, ascending. */
    public OrmSelect orderBy(Expression<?>... expressions) {
        return with(parts.statement.orderBy(expressions));
    }

    /** Appends GROUP BY expressions. */
    public OrmSelect groupBy(Expression<?>... expressions) {
        return with(parts.statement.groupBy(expressions));
    }

    /** Adds HAVING criteria. */
    public OrmSelect having(Predicate... criteria) {
        return with(parts.statement.having(criteria));
    }

    /** Sets LIMIT. */
    public OrmSelect limit(int rows) {
        return with(parts.statement.limit(rows));
    }

    /** Sets OFFSET. */
    public OrmSelect offset(int rows) {
        return with(parts.statement.offset(rows));
    }

    /** SELECT DISTINCT. */
    public OrmSelect distinct() {
        return with(parts.statement.distinct());
    }

    /**
     * {@code JOIN} through a relationship from its class's table, the ON clause from its foreign key (a
     * many-to-many joins the association table first): {@code select(User.class, Address.class).join(User_.addresses)}.
     */
    public OrmSelect join(RelationshipAttribute<?, ?> relationship) {
        return joinRelationship(null, relationship, null, false);
    }

    /**
     * {@code JOIN} through a relationship to an alias of its target:
     * {@code select(User.class, a1).join(User_.addresses, a1)} renders {@code JOIN address AS a1 ON user_account.id
     * = a1.user_id}.
     */
    public OrmSelect join(RelationshipAttribute<?, ?> relationship, EntityAlias<?> target) {
        return joinRelationship(null, relationship, target, false);
    }

    /**
     * {@code JOIN} through a relationship of an alias (SQLAlchemy's {@code join(u1.addresses)}), to the target's
     * table or, when {@code target} is given, to that alias of it.
     */
    public OrmSelect join(EntityAlias<?> owner, RelationshipAttribute<?, ?> relationship,
            @Nullable EntityAlias<?> target) {
        return joinRelationship(owner, relationship, target, false);
    }

    /** {@code LEFT OUTER JOIN} through a relationship. */
    public OrmSelect outerJoin(RelationshipAttribute<?, ?> relationship) {
        return joinRelationship(null, relationship, null, true);
    }

    /** {@code LEFT OUTER JOIN} through a relationship to an alias of its target. */
    public OrmSelect outerJoin(RelationshipAttribute<?, ?> relationship, EntityAlias<?> target) {
        return joinRelationship(null, relationship, target, true);
    }

    /** {@code LEFT OUTER JOIN} through a relationship of an alias, to the target's table or to an alias of it. */
    public OrmSelect outerJoin(EntityAlias<?> owner, RelationshipAttribute<?, ?> relationship,
            @Nullable EntityAlias<?> target) {
        return joinRelationship(owner, relationship, target, true);
    }

    private OrmSelect joinRelationship(@Nullable EntityAlias<?> owner, RelationshipAttribute<?, ?> relationship,
            @Nullable EntityAlias<?> target, boolean outer) {
        Objects.requireNonNull(relationship, "relationship");
        if (owner != null && !relationship.entityClass().isAssignableFrom(owner.entityClass())) {
            throw new InvalidArgumentException("Cannot join " + owner + " through " + relationship + ": the alias is"
                    + " of " + owner.entityClass().getSimpleName() + ", the relationship of "
                    + relationship.entityClass().getSimpleName());
        }
        if (target != null && !relationship.targetClass().isAssignableFrom(target.entityClass())) {
            throw new InvalidArgumentException("Cannot join " + relationship + " to " + target + ": it leads to "
                    + relationship.targetClass().getSimpleName() + ", the alias is of "
                    + target.entityClass().getSimpleName());
        }
        EntityMapping<?> mapping = OrmProvider.instance().mapping(relationship.entityClass());
        TableReference ownerTable = owner != null ? owner.table() : mapping.table();
        TableReference targetTable = target != null ? target.table()
                : OrmProvider.instance().mapping(relationship.targetClass()).table();
        return with(mapping.joinRelationship(parts.statement, relationship.attributeName(), ownerTable, targetTable,
                outer));
    }

    /** {@code JOIN} a mapped class's table, the ON clause inferred from the foreign key between them. */
    public OrmSelect join(Class<?> entity) {
        return with(parts.statement.join(OrmProvider.instance().mapping(entity).table()));
    }

    /** {@code JOIN} a mapped class's table {@code ON onClause}. */
    public OrmSelect join(Class<?> entity, Predicate onClause) {
        return with(parts.statement.join(OrmProvider.instance().mapping(entity).table(), onClause));
    }

    /** {@code JOIN} an entity alias, the ON clause inferred from the foreign key between the tables. */
    public OrmSelect join(EntityAlias<?> alias) {
        return with(parts.statement.join(alias.table()));
    }

    /** {@code JOIN} an entity alias {@code ON onClause}. */
    public OrmSelect join(EntityAlias<?> alias, Predicate onClause) {
        return with(parts.statement.join(alias.table(), onClause));
    }

    /** {@code JOIN} a Core table or alias {@code ON onClause}. */
    public OrmSelect join(TableReference table, Predicate onClause) {
        return with(parts.statement.join(table, onClause));
    }

    /** {@code LEFT OUTER JOIN} a mapped class's table, the ON clause inferred. */
    public OrmSelect outerJoin(Class<?> entity) {
        return with(parts.statement.outerJoin(OrmProvider.instance().mapping(entity).table()));
    }

    /** {@code LEFT OUTER JOIN} an entity alias, the ON clause inferred. */
    public OrmSelect outerJoin(EntityAlias<?> alias) {
        return with(parts.statement.outerJoin(alias.table()));
    }

    /** {@code LEFT OUTER JOIN} an entity alias {@code ON onClause}. */
    public OrmSelect outerJoin(EntityAlias<?> alias, Predicate onClause) {
        return with(parts.statement.outerJoin(alias.table(), onClause));
    }

    /** {@code FOR UPDATE}: lock the rows until the transaction ends (SQLAlchemy's {@code with_for_update()}). */
    public OrmSelect withForUpdate() {
        return with(parts.statement.forUpdate());
    }

    /** A row lock: {@code withForUpdate(RowLock.forUpdate().skipLocked())}. */
    public OrmSelect withForUpdate(RowLock lock) {
        return with(parts.statement.lock(lock));
    }

    /**
     * Loads the entities from another statement instead of this one's SELECT, as SQLAlchemy's
     * {@code from_statement}: a {@code text()}, a UNION or any select. Each entity element's fields are read from the
     * result columns of the same names as its table's columns (case-insensitively), each expression element from the
     * column of its key.
     *
     * <pre>{@code
     * session.execute(Orm.select(User.class, Address.class).fromStatement(text("SELECT user_account.*,"
     *         + " address.* FROM user_account JOIN address ON ...")))
     * }</pre>
     */
    public OrmSelect fromStatement(Executable statement) {
        Objects.requireNonNull(statement, "statement");
        return new OrmSelect(new Parts(parts.elements, parts.statement, parts.loadOptions, statement,
                parts.queryOptions));
    }

    /**
     * Loader strategies for relationships of the entity elements (a path applies to the elements of the class it
     * starts at): {@code .options(selectIn(User_.addresses))}.
     *
     * @throws InvalidArgumentException if a path starts at a class that is not an element
     */
    public OrmSelect options(LoadOption... loaders) {
        List<LoadOption> more = new ArrayList<>(parts.loadOptions);
        for (LoadOption option : loaders) {
            Class<?> start = option.path().get(0).relationship().entityClass();
            if (parts.elements.stream().noneMatch(e -> e.entityClass() != null
                    && start.isAssignableFrom(e.entityClass()))) {
                throw new InvalidArgumentException("Loader option " + option + " starts at " + start.getSimpleName()
                        + ", which this query does not select; its entities are " + entityNames());
            }
            more.add(option);
        }
        return new OrmSelect(new Parts(parts.elements, parts.statement, List.copyOf(more), parts.source,
                parts.queryOptions));
    }

    /** Query options: {@code .options(QueryOption.populateExisting(), QueryOption.yieldPer(1000))}. */
    public OrmSelect options(QueryOption... options) {
        List<QueryOption> more = new ArrayList<>(parts.queryOptions);
        more.addAll(List.of(options));
        return new OrmSelect(new Parts(parts.elements, parts.statement, parts.loadOptions, parts.source,
                List.copyOf(more)));
    }

    private List<String> entityNames() {
        return parts.elements.stream().filter(Element::isEntity).map(Element::key).toList();
    }

    /** The SQL and parameters for a dialect, without a database (the Core SELECT, or the statement given). */
    public CompiledSql compile(String dialect) {
        return Sql.compile(parts.source != null ? parts.source : parts.statement, dialect);
    }

    /** Readable SQL with named parameters: what {@link Session#execute(OrmSelect)} sends, joined loaders included. */
    @Override
    public String toString() {
        return OrmProvider.instance().describe(this);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof OrmSelect && ((OrmSelect) other).parts.equals(parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }
}
