package io.followup.sla.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.followup.sla.access.Scope;
import io.followup.sla.access.User;
import io.followup.sla.access.Users;
import io.followup.sla.query.Answer;
import io.followup.sla.query.Hop;
import io.followup.sla.query.QueryApi;
import io.followup.sla.query.QueryRequest;
import io.followup.sla.query.RangeBound;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/}: the read API over the engine's state, behind a login (a bearer token or basic
 * auth, see {@link Users}). Every answer is JSON; every error is {@code {"error": "<one
 * sentence>"}} with a 4xx or 5xx status. Routes and shapes are in {@code /api/openapi.json}.
 */
public final class ApiHandler implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The routes, as {@code openapi.json} documents them (a test holds the two together). */
  public static final List<String> ROUTES =
      List.of(
          "/api/openapi.json",
          "/api/leads/{leadId}",
          "/api/reps/{repId}/at-risk",
          "/api/teams/{team}/at-risk",
          "/api/accounts/{accountId}/coverage",
          "/api/teams/{team}/leaderboard",
          PageRoutes.ME,
          PageRoutes.OVERDUE);

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 500;
  private static final int MAX_ID_LENGTH = 200;

  private final Users users;
  private final QueryApi api;
  private final byte[] openApi;
  private final PageRoutes pageRoutes;

  public ApiHandler(Users users, QueryApi api) {
    this.users = users;
    this.api = api;
    this.openApi = openApiDocument();
    this.pageRoutes = new PageRoutes(api);
  }

  /** The OpenAPI document served at {@code /api/openapi.json}. */
  public static byte[] openApiDocument() {
    try (InputStream in = ApiHandler.class.getResourceAsStream("openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi.json is missing from the engine's jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Answer answer;
    try {
      answer = answer(exchange);
    } catch (InvalidStateStoreException e) {
      answer =
          Answer.error(
              503, "The engine's state cannot be read right now (it is starting); try again soon.");
    } catch (RuntimeException e) {
      LOG.error("The query API failed on a request ({})", e.getClass().getName());
      LOG.debug("The query API's failure in full", e);
      answer = Answer.error(500, "The engine could not answer this request; see its log.");
    }
    if (answer == null) {
      return; // the OpenAPI document, already sent
    }
    if (answer.status() == 401) {
      exchange
          .getResponseHeaders()
          .add("WWW-Authenticate", "Bearer realm=\"sla\", Basic realm=\"sla\", charset=\"UTF-8\"");
    }
    send(exchange, answer.status(), JSON.writeValueAsBytes(answer.body()));
  }

  private Answer answer(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      exchange.getResponseHeaders().set("Allow", "GET, HEAD");
      return Answer.error(405, "The API only reads: use GET.");
    }
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (users.isEmpty()) {
      return Answer.error(
          401, "No logins are configured on this engine: set http.users-file or http.users.");
    }
    Optional<User> user = users.authenticate(authorization);
    if (user.isEmpty()) {
      return Answer.error(
          401,
          authorization == null
              ? "Log in: send a bearer token or basic credentials."
              : "The credentials were not accepted.");
    }
    String rawPath = exchange.getRequestURI().getRawPath();
    String rawQuery = exchange.getRequestURI().getRawQuery();
    Map<String, String> params;
    try {
      params = params(rawQuery);
    } catch (IllegalArgumentException e) {
      return Answer.error(400, e.getMessage());
    }
    String[] raw = rawPath.substring(1).split("/", -1);
    String[] seg = new String[raw.length];
    for (int i = 0; i < raw.length; i++) {
      try {
        seg[i] = URLDecoder.decode(raw[i].replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return Answer.error(400, "The path is not properly URL-encoded.");
      }
    }
    if (seg.length == 2 && seg[1].equals("openapi.json")) {
      Answer bad = only(params, Set.of());
      if (bad != null) {
        return bad;
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      send(exchange, 200, openApi);
      return null;
    }
    Scope scope = Scope.of(user.get(), api.reps());
    QueryRequest request =
        new QueryRequest(
            scope,
            Hop.of(exchange.getRequestHeaders().getFirst(Hop.HEADER)),
            rawPath + (rawQuery == null ? "" : "?" + rawQuery),
            authorization);
    if (seg.length == 3 && seg[1].equals("leads")) {
      return withId(seg[2], "lead id", params, Set.of(), id -> api.lead(id, request));
    }
    if (seg.length == 4 && seg[1].equals("accounts") && seg[3].equals("coverage")) {
      return withId(seg[2], "account id", params, Set.of(), id -> api.coverage(id, request));
    }
    if (seg.length == 4 && seg[3].equals("at-risk") && Set.of("reps", "teams").contains(seg[1])) {
      boolean rep = seg[1].equals("reps");
      return withId(
          seg[2],
          rep ? "rep id" : "team",
          params,
          Set.of("limit"),
          id -> {
            int limit;
            try {
              limit = limit(params.get("limit"));
            } catch (IllegalArgumentException e) {
              return Answer.error(400, e.getMessage());
            }
            return rep ? api.repAtRisk(id, limit, request) : api.teamAtRisk(id, limit, request);
          });
    }
    if (seg.length == 4 && seg[1].equals("teams") && seg[3].equals("leaderboard")) {
      return withId(
          seg[2],
          "team",
          params,
          Set.of("week", "from", "to"),
          team -> {
            if (params.containsKey("from") || params.containsKey("to")) {
              if (params.containsKey("week")) {
                return Answer.error(400, "Give either week or from and to, not both.");
              }
              RangeBound from;
              RangeBound to;
              try {
                from = bound(params.get("from"), "from");
                to = bound(params.get("to"), "to");
              } catch (IllegalArgumentException e) {
                return Answer.error(400, e.getMessage());
              }
              return api.leaderboard(team, from, to, request);
            }
            String week = params.getOrDefault("week", "current");
            if (!week.equals("current") && !week.equals("last")) {
              return Answer.error(400, "week must be current or last.");
            }
            return api.leaderboard(team, week.equals("last"), request);
          });
    }
    Answer forThePage = pageRoutes.answer(seg, params, user.get(), request);
    if (forThePage != null) {
      return forThePage;
    }
    return Answer.error(404, "There is no such API route; see /api/openapi.json.");
  }

  interface IdAnswer {
    Answer answer(String id);
  }

  static Answer withId(
      String id, String what, Map<String, String> params, Set<String> allowed, IdAnswer then) {
    Answer bad = only(params, allowed);
    if (bad != null) {
      return bad;
    }
    if (id.isBlank()
        || id.length() > MAX_ID_LENGTH
        || id.chars().anyMatch(Character::isISOControl)) {
      return Answer.error(
          400, "The " + what + " must be 1 to " + MAX_ID_LENGTH + " printable characters.");
    }
    return then.answer(id);
  }

  static Answer only(Map<String, String> params, Set<String> allowed) {
    for (String name : params.keySet()) {
      if (!allowed.contains(name)) {
        return Answer.error(
            400,
            allowed.isEmpty()
                ? "This route takes no query parameters, not " + name + "."
                : "Unknown query parameter " + name + "; this route takes " + allowed + ".");
      }
    }
    return null;
  }

  /** An end of a range as given, or null when the query leaves it out. */
  private static RangeBound bound(String text, String name) {
    return text == null ? null : RangeBound.parse(text, name);
  }

  static int limit(String text) {
    if (text == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(text);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new IllegalArgumentException("limit must be a whole number from 1 to " + MAX_LIMIT + ".");
  }

  private static Map<String, String> params(String rawQuery) {
    Map<String, String> params = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      if (params.put(name, value) != null) {
        throw new IllegalArgumentException("The query parameter " + name + " is given twice.");
      }
    }
    return params;
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    }
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    boolean head = "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
    exchange.close();
  }
}
