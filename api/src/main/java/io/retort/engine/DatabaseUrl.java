package io.retort.engine;

import io.retort.exception.InvalidArgumentException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A database URL in SQLAlchemy's form, parsed into its parts:
 *
 * <pre>
 * dialect[+driver]://[username[:password]@]host[:port][/database][?key=value&amp;...]
 * </pre>
 *
 * Examples: {@code postgresql://scott:tiger@localhost:5432/test}, {@code mysql+pymysql://user:pw@db/app},
 * {@code sqlite:///relative.db}, {@code sqlite:////absolute/path.db}, {@code sqlite://} (in memory),
 * {@code h2:mem:name}, {@code h2:file:./data/app}. A plain JDBC URL ({@code jdbc:postgresql://...}) is accepted as
 * well and kept as it is ({@link #isJdbc()}).
 *
 * <p>The username and password are percent-decoded ({@code p%40ss} is {@code p@ss}); so are the query's keys and
 * values. {@link #toString()} masks the password, so a URL can be logged safely. Instances are immutable.
 */
public final class DatabaseUrl {
    private static final String MASK = "***";

    private final String drivername;
    private final @Nullable String username;
    private final @Nullable String password;
    private final @Nullable String host;
    private final @Nullable Integer port;
    private final @Nullable String database;
    private final Map<String, List<String>> query;
    private final @Nullable String jdbcUrl;

    private DatabaseUrl(String drivername, @Nullable String username, @Nullable String password,
            @Nullable String host, @Nullable Integer port, @Nullable String database,
            Map<String, List<String>> query, @Nullable String jdbcUrl) {
        this.drivername = drivername;
        this.username = username;
        this.password = password;
        this.host = host;
        this.port = port;
        this.database = database;
        this.query = query;
        this.jdbcUrl = jdbcUrl;
    }

    /**
     * Parses a URL.
     *
     * @param url a SQLAlchemy-style URL or a {@code jdbc:} URL
     * @return the parsed URL
     * @throws InvalidArgumentException if the URL is null, blank or malformed; the message shows the expected form
     */
    public static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidArgumentException("A database URL is required, but was given "
                    + (url == null ? "null" : "a blank string") + "; " + expectedForm());
        }
        String trimmed = url.strip();
        if (trimmed.regionMatches(true, 0, "jdbc:", 0, 5)) {
            return parseJdbc(trimmed);
        }
        int colon = trimmed.indexOf(':');
        if (colon <= 0 || !trimmed.substring(0, colon).matches("[A-Za-z][A-Za-z0-9_]*(\\+[A-Za-z0-9_]+)?")) {
            throw new InvalidArgumentException("Could not parse database URL '" + maskInText(trimmed)
                    + "': it does not start with a dialect name; " + expectedForm());
        }
        String drivername = trimmed.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
        String rest = trimmed.substring(colon + 1);
        if (!rest.startsWith("//")) {
            // An opaque form such as h2:mem:name or h2:file:./db: the whole remainder names the database.
            if (rest.isEmpty()) {
                throw new InvalidArgumentException("Could not parse database URL '" + trimmed
                        + "': nothing follows the dialect name; " + expectedForm());
            }
            return new DatabaseUrl(drivername, null, null, null, null, rest, Map.of(), null);
        }
        rest = rest.substring(2);
        String queryText = null;
        int question = rest.indexOf('?');
        if (question >= 0) {
            queryText = rest.substring(question + 1);
            rest = rest.substring(0, question);
        }
        // user[:password]@ -- the user name holds no ':' or '/', the password may hold '/' and ':' but an '@' in
        // either must be percent-encoded (as in SQLAlchemy).
        String user = null;
        String pass = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            int userColon = userInfo.indexOf(':');
            String userPart = userColon >= 0 ? userInfo.substring(0, userColon) : userInfo;
            if (userPart.indexOf('/') < 0) {
                rest = rest.substring(at + 1);
                user = decode(userPart, url);
                if (userColon >= 0) {
                    pass = decode(userInfo.substring(userColon + 1), url);
                }
                if (user.isEmpty()) {
                    user = null;
                }
            }
        }
        String hostPort;
        String db = null;
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            hostPort = rest.substring(0, slash);
            db = rest.substring(slash + 1);
            if (db.isEmpty()) {
                db = null;
            }
        } else {
            hostPort = rest;
        }
        String parsedHost = null;
        Integer parsedPort = null;
        if (!hostPort.isEmpty()) {
            String portText = null;
            if (hostPort.startsWith("[")) {
                int close = hostPort.indexOf(']');
                if (close < 0) {
                    throw new InvalidArgumentException("Could not parse database URL '" + maskInText(trimmed)
                            + "': an IPv6 host opened with '[' is not closed with ']'");
                }
                parsedHost = hostPort.substring(1, close);
                if (hostPort.length() > close + 1) {
                    if (hostPort.charAt(close + 1) != ':') {
                        throw new InvalidArgumentException("Could not parse database URL '" + maskInText(trimmed)
                                + "': unexpected text after the IPv6 host");
                    }
                    portText = hostPort.substring(close + 2);
                }
            } else {
                int portColon = hostPort.lastIndexOf(':');
                if (portColon >= 0) {
                    parsedHost = hostPort.substring(0, portColon);
                    portText = hostPort.substring(portColon + 1);
                } else {
                    parsedHost = hostPort;
                }
            }
            if (parsedHost != null && parsedHost.isEmpty()) {
                parsedHost = null;
            }
            if (portText != null && !portText.isEmpty()) {
                try {
                    parsedPort = Integer.valueOf(portText);
                } catch (NumberFormatException e) {
                    parsedPort = -1;
                }
                if (parsedPort < 1 || parsedPort > 65535) {
                    throw new InvalidArgumentException("Could not parse database URL '" + maskInText(trimmed)
                            + "': the port '" + portText + "' is not a number from 1 to 65535");
                }
            }
        }
        return new DatabaseUrl(drivername, user, pass, parsedHost, parsedPort, db, parseQuery(queryText, url), null);
    }

    private static DatabaseUrl parseJdbc(String url) {
        int second = url.indexOf(':', 5);
        if (second < 0) {
            throw new InvalidArgumentException("Could not parse JDBC URL '" + maskInText(url)
                    + "': expected jdbc:<subprotocol>:<rest>, e.g. jdbc:postgresql://localhost/test");
        }
        String subprotocol = url.substring(5, second).toLowerCase(java.util.Locale.ROOT);
        return new DatabaseUrl(subprotocol, null, null, null, null, null, Map.of(), url);
    }

    private static Map<String, List<String>> parseQuery(@Nullable String queryText, String url) {
        if (queryText == null || queryText.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (String pair : queryText.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = decode(equals >= 0 ? pair.substring(0, equals) : pair, url);
            String value = equals >= 0 ? decode(pair.substring(equals + 1), url) : "";
            result.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        result.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(frozen);
    }

    private static String decode(String text, String url) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw badEscape(url);
                }
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw badEscape(url);
                }
                bytes.write((high << 4) | low);
                i += 2;
            } else {
                // A whole code point, so that a surrogate pair is encoded as one character.
                int end = i + Character.charCount(text.codePointAt(i));
                byte[] encoded = text.substring(i, end).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i = end - 1;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static InvalidArgumentException badEscape(String url) {
        return new InvalidArgumentException("Could not parse database URL '" + maskInText(url)
                + "': a '%' is not followed by two hexadecimal digits; percent-encode special characters of the"
                + " user name and password (e.g. '@' as %40, '%' as %25)");
    }

    private static String expectedForm() {
        return "expected dialect[+driver]://user:password@host:port/database?key=value (e.g. "
                + "postgresql://scott:tiger@localhost/test, sqlite:///example.db, h2:mem:test) or a jdbc: URL";
    }

    /** Masks a password in arbitrary URL text, for messages about URLs that could not be parsed. */
    private static String maskInText(String url) {
        String masked = url.replaceAll("(?i)(password=)[^&;]*", "$1" + MASK);
        // As the parser reads it: user info ends at the first '@' before any '?', the password may hold '/' and ':'.
        return masked.replaceAll("(//[^:/@?]*:)[^@?]*@", "$1" + MASK + "@");
    }

    /** The dialect and driver as written, e.g. {@code postgresql+psycopg2}; for a JDBC URL its subprotocol. */
    public String drivername() {
        return drivername;
    }

    /** The dialect part of {@link #drivername()}, e.g. {@code postgresql}. */
    public String backendName() {
        int plus = drivername.indexOf('+');
        return plus < 0 ? drivername : drivername.substring(0, plus);
    }

    /** The driver part of {@link #drivername()}, e.g. {@code psycopg2}, or {@code null} when none was written. */
    public @Nullable String driverName() {
        int plus = drivername.indexOf('+');
        return plus < 0 ? null : drivername.substring(plus + 1);
    }

    /** The decoded user name, or {@code null}. */
    public @Nullable String username() {
        return username;
    }

    /** The decoded password, or {@code null}. */
    public @Nullable String password() {
        return password;
    }

    /** The host, or {@code null}. IPv6 hosts are given without brackets. */
    public @Nullable String host() {
        return host;
    }

    /** The port, or {@code null} for the database's default. */
    public @Nullable Integer port() {
        return port;
    }

    /**
     * The database: a name for a server database, a file path for SQLite ({@code sqlite:///a.db} gives {@code a.db},
     * {@code sqlite:////tmp/a.db} gives {@code /tmp/a.db}), {@code :memory:}, or for an opaque form such as
     * {@code h2:mem:test} everything after the dialect ({@code mem:test}). {@code null} when absent.
     */
    public @Nullable String database() {
        return database;
    }

    /** The query string's keys and decoded values, in the order written; a key may repeat. */
    public Map<String, List<String>> query() {
        return query;
    }

    /** True for a URL given as {@code jdbc:...}, which Retort passes to the driver unchanged. */
    public boolean isJdbc() {
        return jdbcUrl != null;
    }

    /** The JDBC URL as given, or {@code null} when this is a SQLAlchemy-style URL. */
    public @Nullable String jdbcUrl() {
        return jdbcUrl;
    }

    /** A copy with another user name and password (either may be null to remove it). */
    public DatabaseUrl withCredentials(@Nullable String newUsername, @Nullable String newPassword) {
        return new DatabaseUrl(drivername, newUsername, newPassword, host, port, database, query, jdbcUrl);
    }

    /** A copy with another database. */
    public DatabaseUrl withDatabase(@Nullable String newDatabase) {
        return new DatabaseUrl(drivername, username, password, host, port, newDatabase, query, jdbcUrl);
    }

    /**
     * Renders the URL.
     *
     * @param hidePassword whether to replace the password, and the values of a {@code password} query key, with
     *     {@code ***}
     * @return the URL text; with {@code hidePassword=false} it parses back to an equal URL
     */
    public String render(boolean hidePassword) {
        if (jdbcUrl != null) {
            return hidePassword ? maskInText(jdbcUrl) : jdbcUrl;
        }
        StringBuilder text = new StringBuilder(drivername).append(':');
        if (host == null && username == null && port == null && database != null && !database.startsWith("/")
                && query.isEmpty() && !database.equals(":memory:") && !"sqlite".equals(backendName())) {
            return text.append(database).toString();
        }
        text.append("//");
        if (username != null) {
            text.append(encode(username));
            if (password != null) {
                text.append(':').append(hidePassword ? MASK : encode(password));
            }
            text.append('@');
        }
        if (host != null) {
            text.append(host.indexOf(':') >= 0 ? "[" + host + "]" : host);
        }
        if (port != null) {
            text.append(':').append(port);
        }
        if (database != null) {
            text.append('/').append(database);
        }
        if (!query.isEmpty()) {
            char separator = '?';
            for (Map.Entry<String, List<String>> entry : query.entrySet()) {
                for (String value : entry.getValue()) {
                    boolean secret = hidePassword && entry.getKey().equalsIgnoreCase("password");
                    text.append(separator).append(encode(entry.getKey())).append('=')
                            .append(secret ? MASK : encode(value));
                    separator = '&';
                }
            }
        }
        return text.toString();
    }

    private static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (Character.isLetterOrDigit(c) && c < 128 || "-._~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** The URL with its password (and any {@code password} query key) masked as {@code ***}; safe to log. */
    @Override
    public String toString() {
        return render(true);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        if (!(other instanceof DatabaseUrl)) {
            return false;
        }
        DatabaseUrl that = (DatabaseUrl) other;
        return drivername.equals(that.drivername) && Objects.equals(username, that.username)
                && Objects.equals(password, that.password) && Objects.equals(host, that.host)
                && Objects.equals(port, that.port) && Objects.equals(database, that.database)
                && query.equals(that.query) && Objects.equals(jdbcUrl, that.jdbcUrl);
    }

    @Override
    public int hashCode() {
        return Objects.hash(drivername, username, host, port, database, query, jdbcUrl);
    }
}
