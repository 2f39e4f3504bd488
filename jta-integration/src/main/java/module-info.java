/**
 * The JTA transaction coordinator: joins the current Narayana transaction and enlists Agroal connections. Its implementation comes with the JTA issue.
 */
module io.retort.jta {
    requires io.retort;
}
