package io.github.eec.pipeline.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A real headless Chromium (Debian's {@code chromium} package), driven through the Chrome DevTools
 * protocol over the JDK's own WebSocket client: no driver binary and no library beyond Jackson,
 * which the build already has. Each {@link Page} records what a person would not want to see: the
 * console's errors, uncaught exceptions, dialogs ({@code alert}) and any request to the network.
 */
public final class HeadlessChromium implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<JsonNode> events = new ArrayList<>();

  /** The browser to use: {@code -Dchromium=PATH}, or the first of Debian's names on the path. */
  public static Optional<Path> executable() {
    String given = System.getProperty("chromium");
    if (given != null && !given.isEmpty()) {
      return Optional.of(Paths.get(given));
    }
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
        Path p = Paths.get(dir, name);
        if (Files.isExecutable(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  public static HeadlessChromium start(Path executable) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("chromium-profile-");
    List<String> command =
        List.of(
            executable.toString(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--hide-scrollbars",
            "--user-data-dir=" + profile,
            "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0",
            "about:blank");
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(profile.resolve("chromium.log").toFile())
            .start();
    Path portFile = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    List<String> lines = List.of();
    while (lines.size() < 2) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new IOException(
            "chromium did not start: "
                + Files.readString(profile.resolve("chromium.log"), StandardCharsets.UTF_8));
      }
      Thread.sleep(50);
      if (Files.exists(portFile)) {
        lines = Files.readAllLines(portFile);
      }
    }
    URI endpoint = URI.create("ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim());
    return new HeadlessChromium(process, profile, endpoint);
  }

  private HeadlessChromium(Process process, Path profile, URI endpoint) {
    this.process = process;
    this.profile = profile;
    this.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .connectTimeout(TIMEOUT)
            .buildAsync(endpoint, new Listener())
            .join();
  }

  /** Receives the protocol's messages: answers to commands by id, the rest as events. */
  private final class Listener implements WebSocket.Listener {
    private final StringBuilder message = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      message.append(data);
      if (last) {
        try {
          JsonNode node = JSON.readTree(message.toString());
          if (node.has("id")) {
            CompletableFuture<JsonNode> f = pending.remove(node.get("id").asLong());
            if (f != null) {
              f.complete(node);
            }
          } else {
            if (node.path("method").asText().equals("Page.javascriptDialogOpening")) {
              // A dialog would block the page's script: record it, and dismiss it.
              sendWithoutAnswer(
                  node.path("sessionId").asText(),
                  "Page.handleJavaScriptDialog",
                  Map.of("accept", false));
            }
            synchronized (events) {
              events.add(node);
              events.notifyAll();
            }
          }
        } catch (IOException e) {
          throw new IllegalStateException(e);
        } finally {
          message.setLength(0);
        }
      }
      ws.request(1);
      return null;
    }
  }

  /** Sends a command (to a page's session, or the browser when null); returns its result. */
  JsonNode send(String sessionId, String method, Object params) throws IOException {
    long id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    write(id, sessionId, method, params);
    JsonNode reply;
    try {
      reply = answer.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new IOException(method + " got no answer", e);
    }
    if (reply.has("error")) {
      throw new IOException(method + ": " + reply.get("error"));
    }
    return reply.get("result");
  }

  /** Sends a command without waiting for its answer (from the listener's own thread). */
  private void sendWithoutAnswer(String sessionId, String method, Object params) {
    try {
      write(ids.incrementAndGet(), sessionId, method, params);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void write(long id, String sessionId, String method, Object params) throws IOException {
    ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
    if (sessionId != null) {
      msg.put("sessionId", sessionId);
    }
    msg.set("params", params == null ? JSON.createObjectNode() : JSON.valueToTree(params));
    String text = JSON.writeValueAsString(msg);
    synchronized (socket) {
      socket.sendText(text, true).join();
    }
  }

  /** Waits for the first event of a session that {@code match} accepts. */
  JsonNode await(String sessionId, Predicate<JsonNode> match) throws IOException {
    long deadline = System.currentTimeMillis() + TIMEOUT.toMillis();
    synchronized (events) {
      while (true) {
        for (JsonNode e : events) {
          if (sessionId.equals(e.path("sessionId").asText()) && match.test(e)) {
            return e;
          }
        }
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
          throw new IOException("timed out waiting for an event");
        }
        try {
          events.wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException(e);
        }
      }
    }
  }

  List<JsonNode> events(String sessionId) {
    List<JsonNode> out = new ArrayList<>();
    synchronized (events) {
      for (JsonNode e : events) {
        if (sessionId.equals(e.path("sessionId").asText())) {
          out.add(e);
        }
      }
    }
    return out;
  }

  /**
   * Opens {@code file} in a new tab of {@code width} × {@code height} CSS pixels and waits until it
   * has loaded.
   */
  public Page open(Path file, int width, int height) throws IOException {
    String target =
        send(null, "Target.createTarget", Map.of("url", "about:blank")).get("targetId").asText();
    String session =
        send(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
            .get("sessionId")
            .asText();
    for (String domain : List.of("Page", "Runtime", "Log", "Network")) {
      send(session, domain + ".enable", null);
    }
    send(
        session,
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    long started = System.nanoTime();
    send(session, "Page.navigate", Map.of("url", file.toUri().toString()));
    await(session, e -> "Page.loadEventFired".equals(e.path("method").asText()));
    return new Page(session, (System.nanoTime() - started) / 1_000_000);
  }

  /** A tab with a loaded page. */
  public final class Page {
    private final String session;
    private final long loadMillis;

    private Page(String session, long loadMillis) {
      this.session = session;
      this.loadMillis = loadMillis;
    }

    /** From navigation to the load event, in milliseconds. */
    public long loadMillis() {
      return loadMillis;
    }

    /** Evaluates a JavaScript expression in the page; returns its value as JSON. */
    public JsonNode evaluate(String expression) throws IOException {
      JsonNode r =
          send(
              session,
              "Runtime.evaluate",
              Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
      if (r.has("exceptionDetails")) {
        throw new IOException("script failed: " + r.get("exceptionDetails"));
      }
      return r.path("result").path("value");
    }

    /** Console errors, uncaught exceptions and error log entries (failed loads, CSP) so far. */
    public List<String> errors() {
      List<String> out = new ArrayList<>();
      for (JsonNode e : events(session)) {
        String method = e.path("method").asText();
        JsonNode p = e.path("params");
        if (method.equals("Runtime.exceptionThrown")) {
          out.add("exception: " + p.path("exceptionDetails"));
        } else if (method.equals("Runtime.consoleAPICalled")
            && List.of("error", "assert").contains(p.path("type").asText())) {
          out.add("console." + p.path("type").asText() + ": " + p.path("args"));
        } else if (method.equals("Log.entryAdded")
            && p.path("entry").path("level").asText().equals("error")) {
          out.add("log: " + p.path("entry").path("text").asText());
        }
      }
      return out;
    }

    /** Every dialog the page opened (alert, confirm, prompt). */
    public List<String> dialogs() {
      List<String> out = new ArrayList<>();
      for (JsonNode e : events(session)) {
        if (e.path("method").asText().equals("Page.javascriptDialogOpening")) {
          out.add(e.path("params").path("message").asText());
        }
      }
      return out;
    }

    /** The URLs the page requested, apart from itself and inline data. */
    public List<String> requests(String self) {
      List<String> out = new ArrayList<>();
      for (JsonNode e : events(session)) {
        if (e.path("method").asText().equals("Network.requestWillBeSent")) {
          String url = e.path("params").path("request").path("url").asText();
          if (!url.equals(self) && !url.startsWith("data:")) {
            out.add(url);
          }
        }
      }
      return out;
    }

    /** A PNG of the whole page, as long as it is. */
    public byte[] screenshot() throws IOException {
      JsonNode size = send(session, "Page.getLayoutMetrics", null).path("cssContentSize");
      return capture(0, 0, size.path("width").asDouble(), size.path("height").asDouble());
    }

    /** A PNG of the first element {@code selector} finds. */
    public byte[] screenshot(String selector) throws IOException {
      JsonNode box =
          evaluate(
              "(() => { const r = document.querySelector("
                  + JSON.writeValueAsString(selector)
                  + ").getBoundingClientRect(); return {x: r.x + scrollX, y: r.y + scrollY,"
                  + " width: r.width, height: r.height}; })()");
      return capture(
          box.path("x").asDouble(),
          box.path("y").asDouble(),
          box.path("width").asDouble(),
          box.path("height").asDouble());
    }

    private byte[] capture(double x, double y, double width, double height) throws IOException {
      Map<String, Object> clip =
          Map.of("x", x, "y", y, "width", width, "height", height, "scale", 1);
      JsonNode shot =
          send(
              session,
              "Page.captureScreenshot",
              Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
      return Base64.getDecoder().decode(shot.path("data").asText());
    }
  }

  @Override
  public void close() throws IOException {
    try {
      sendWithoutAnswer(null, "Browser.close", null);
    } catch (RuntimeException e) {
      // the browser may be gone already
    }
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    try (Stream<Path> tree = Files.walk(profile)) {
      tree.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
