package io.retort.impl.orm.clearing;

import io.retort.orm.Column;
import io.retort.orm.Generation;
import io.retort.orm.Id;
import io.retort.orm.Mapped;

/** An agent, its key assigned by the application. */
@Mapped(table = "pu_agent")
public class Agent {
    @Id(generation = Generation.ASSIGNED) Integer id = 0;
    @Column(length = 30) String name = "";

    protected Agent() {
    }

    Agent(int id, String name) {
        this.id = id;
        this.name = name;
    }
}
