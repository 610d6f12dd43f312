package io.github.recoveryaction.github.fake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP server for tests: routes by method and path pattern, records every request, and can inject
 * faults (an error status or a dropped connection) for the next requests to a route. Stateful fakes of GitHub's
 * services register their routes on it.
 */
public final class FakeHttpServer implements AutoCloseable {

    /** A handler answers one request; {@code groups} are the path pattern's capture groups. */
    @FunctionalInterface
    public interface Handler {
        Response handle(RecordedRequest request, List<String> groups) throws IOException;
    }

    public record Response(int status, Map<String, String> headers, byte[] body) {

        public static Response json(int status, String json) {
            return new Response(status, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
        }

        public static Response text(int status, String text) {
            return new Response(status, Map.of("Content-Type", "text/plain"), text.getBytes(StandardCharsets.UTF_8));
        }

        public static Response redirect(String location) {
            return new Response(302, Map.of("Location", location), new byte[0]);
        }

        public static Response empty(int status) {
            return new Response(status, Map.of(), new byte[0]);
        }
    }

    public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
            byte[] body) {

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        /** "METHOD /path?query" — convenient for asserting the exact sequence of calls. */
        public String line() {
            return method + " " + path + (query == null ? "" : "?" + query);
        }
    }

    /** A fault: {@code status > 0} answers with it; {@code status == 0} drops the connection without a response. */
    private record Fault(String method, Pattern path, int status, Map<String, String> headers) {
    }

    private record Route(String method, Pattern path, Handler handler) {
    }

    private final HttpServer server;
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    public FakeHttpServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake server on loopback", e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::dispatch);
        server.start();
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public String url(String path) {
        return baseUri() + path;
    }

    public FakeHttpServer route(String method, String pathRegex, Handler handler) {
        routes.add(0, new Route(method, Pattern.compile(pathRegex), handler));
        return this;
    }

    /** The next {@code times} requests matching method and path get {@code status} (0 = connection dropped). */
    public synchronized FakeHttpServer failNext(String method, String pathRegex, int times, int status,
            Map<String, String> headers) {
        for (int i = 0; i < times; i++) {
            faults.add(new Fault(method, Pattern.compile(pathRegex), status, headers));
        }
        return this;
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public List<String> requestLines() {
        return requests.stream().map(RecordedRequest::line).toList();
    }

    public void clearRequests() {
        requests.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            URI uri = exchange.getRequestURI();
            RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()), body);
            requests.add(request);
            Fault fault = takeFault(request);
            if (fault != null) {
                if (fault.status() == 0) {
                    exchange.close();
                    return;
                }
                send(exchange, new Response(fault.status(), fault.headers(), new byte[0]));
                return;
            }
            for (Route route : routes) {
                Matcher m = route.path().matcher(request.path());
                if (route.method().equals(request.method()) && m.matches()) {
                    List<String> groups = new ArrayList<>();
                    for (int i = 1; i <= m.groupCount(); i++) {
                        groups.add(m.group(i));
                    }
                    send(exchange, route.handler().handle(request, groups));
                    return;
                }
            }
            send(exchange, Response.json(404, "{\"message\":\"Not Found\"}"));
        } catch (RuntimeException e) {
            send(exchange, Response.text(500, "fake server error: " + e));
        }
    }

    private synchronized Fault takeFault(RecordedRequest request) {
        for (Fault f : faults) {
            if (f.method().equals(request.method()) && f.path().matcher(request.path()).matches()) {
                faults.remove(f);
                return f;
            }
        }
        return null;
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
