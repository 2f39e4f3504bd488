package io.retort.benchmarks.runtimes.jpa;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;


/** The REST API: create a user, read one back, and a create that fails after its flush. */
@jakarta.enterprise.context.RequestScoped
@Path("/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {
    @Inject
    Users users;

    @Inject
    Seeder seeder;

    /** The body of a create request. */
    public record NewUser(String name, String fullname, String email) {
    }

    /** Creates a user: 201 with its id. */
    @POST
    public Response create(NewUser body) {
        int id = users.create(body.name(), body.fullname(), body.email());
        return Response.created(URI.create("/users/" + id)).entity(Map.of("id", id)).build();
    }

    /** Creates a user and fails after the flush: 500, and nothing is stored. */
    @POST
    @Path("/failing")
    public Response createThenFail(NewUser body) {
        try {
            users.createThenFail(body.name());
            return Response.ok().build();
        } catch (IllegalStateException e) {
            return Response.serverError().entity(Map.of("error", e.getMessage())).build();
        }
    }

    /** The user with this id, or 404. */
    @GET
    @Path("/{id}")
    public Response find(@PathParam("id") int id) {
        Users.UserView user = users.find(id);
        return user == null ? Response.status(Response.Status.NOT_FOUND).build() : Response.ok(user).build();
    }

    /** What the startup observer stored, outside any request; 503 until it has (the server may answer first). */
    @GET
    @Path("/seeded")
    public Response seeded() {
        if (seeder.seededId() == 0) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).build();
        }
        return Response.ok(Map.of("id", seeder.seededId(), "requestContextActiveAtStart",
                seeder.requestContextActiveAtStart())).build();
    }
}
