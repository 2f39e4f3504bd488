package io.retort.types;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A column holding the constants of a Java enum, stored by {@link Enum#name()}. PostgreSQL gets a native type
 * ({@code CREATE TYPE name AS ENUM (...)}, created and dropped with the tables), MySQL and MariaDB an inline
 * {@code ENUM(...)}, SQLite and H2 a {@code VARCHAR} with a {@code CHECK} constraint.
 *
 * @param <E> the enum
 */
public final class EnumType<E extends Enum<E>> extends SqlType<E> {
    private final String name;
    private final List<String> values;

    EnumType(Class<E> enumClass, @Nullable String name) {
        super(enumClass);
        List<String> constants = new ArrayList<>();
        for (E constant : enumClass.getEnumConstants()) {
            constants.add(constant.name());
        }
        this.values = Collections.unmodifiableList(constants);
        this.name = name != null ? name : defaultName(enumClass.getSimpleName());
    }

    private static String defaultName(String simpleName) {
        return simpleName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    @Override
    public TypeKind kind() {
        return TypeKind.ENUM;
    }

    /** The name of the database type where the database names enum types (PostgreSQL); snake_case by default. */
    public String name() {
        return name;
    }

    /** The stored values: the constants' names, in declaration order. */
    public List<String> values() {
        return values;
    }

    /** The length of the longest value, for a {@code VARCHAR} where the database has no enum type. */
    public int maxLength() {
        return values.stream().mapToInt(String::length).max().orElse(1);
    }

    @Override
    protected List<@Nullable Object> parameters() {
        return List.of(name, values);
    }

    @Override
    public String toString() {
        return "ENUM " + name + values;
    }
}
