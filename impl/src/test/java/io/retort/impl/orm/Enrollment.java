package io.retort.impl.orm;

import io.retort.orm.Column;
import io.retort.orm.Id;
import io.retort.orm.Mapped;
import org.jspecify.annotations.Nullable;

/** A composite primary key assigned by the application. */
@Mapped
public class Enrollment {
    @Id @Column(length = 20) String course;
    @Id Integer student;
    @Nullable String grade;

    protected Enrollment() {
        this("", 0);
    }

    Enrollment(String course, Integer student) {
        this.course = course;
        this.student = student;
    }
}
