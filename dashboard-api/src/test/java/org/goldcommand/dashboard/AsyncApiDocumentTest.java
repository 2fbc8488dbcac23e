package org.goldcommand.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.goldcommand.dashboard.auth.Permission;
import org.goldcommand.dashboard.auth.Role;
import org.goldcommand.dashboard.live.LiveChannel;
import org.goldcommand.dashboard.live.LiveChannels;
import org.goldcommand.dashboard.live.LiveJson;
import org.goldcommand.dashboard.live.UpdateBatch;
import org.goldcommand.events.alerts.Alert;
import org.goldcommand.events.alerts.Alert.AlertKind;
import org.goldcommand.events.pressure.Measure;
import org.goldcommand.events.pressure.SystemPressure;
import org.goldcommand.events.pressure.TrustPressure;
import org.goldcommand.events.status.FeedStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The AsyncAPI document served at {@code /asyncapi.yaml} ({@code asyncapi/dashboard.yaml}) against
 * the code it describes: every live channel and no other, who may subscribe, every error code and
 * close code the session can send (read from ClientSession's source, so a new code fails here until
 * it is documented), and the payloads of real snapshot and update messages. The roles and
 * permissions table of {@code docs/security.md} is checked against {@link Role} here too.
 */
class AsyncApiDocumentTest {

  private static final Path LIVE_SOURCES = Path.of("src/main/java/org/goldcommand/dashboard/live");
  private static final Path SECURITY_GUIDE = Path.of("../docs/security.md");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode doc;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = AsyncApiDocumentTest.class.getClassLoader().getResourceAsStream("asyncapi/dashboard.yaml")) {
      assertThat(in).as("asyncapi/dashboard.yaml on the class path (served at /asyncapi.yaml)").isNotNull();
      doc = new ObjectMapper(new YAMLFactory()).readTree(in);
    }
  }

  @Test
  void isAsyncApi3() {
    assertThat(doc.path("asyncapi").asText()).startsWith("3.");
    assertThat(doc.path("servers").size()).isPositive();
    doc.path("servers").forEach(server -> {
      assertThat(server.path("protocol").asText()).isIn("ws", "wss");
      assertThat(server.path("pathname").asText()).isEqualTo("/ws");
    });
  }

  @Test
  void everyReferenceResolves() {
    List<String> refs = new ArrayList<>();
    collectRefs(doc, refs);
    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      assertThat(ref).as("local reference").startsWith("#/");
      assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref + " resolves").isFalse();
    }
  }

  @Test
  void documentsEveryLiveChannelAndNoOther() {
    Set<String> served = DashboardService.CHANNELS.stream().map(LiveChannels.Spec::name)
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(liveChannels().keySet()).containsExactlyInAnyOrderElementsOf(served);
    assertThat(texts(doc.at("/components/schemas/channelName/enum"))).containsExactlyInAnyOrderElementsOf(served);
    liveChannels().forEach((name, channel) -> {
      assertThat(channel.path("address").asText()).as(name).isEqualTo("/ws");
      for (String kind : List.of("snapshot", "update", "updates")) {
        JsonNode payload = resolve(channel.path("messages").path(kind)).path("payload");
        assertThat(payload.at("/properties/channel/const").asText()).as(name + " " + kind).isEqualTo(name);
        assertThat(payload.at("/properties/kind/const").asText()).as(name + " " + kind).isEqualTo(kind);
      }
    });
  }

  @Test
  void listsTheRolesThatMaySubscribeToEachChannel() {
    Map<String, JsonNode> documented = liveChannels();
    for (LiveChannels.Spec spec : DashboardService.CHANNELS) {
      JsonNode channel = documented.get(spec.name());
      Set<String> allowed = Arrays.stream(Role.values()).filter(r -> r.may(spec.permission())).map(Role::code)
          .collect(Collectors.toSet());
      assertThat(channel.path("x-permission").asText()).as(spec.name()).isEqualTo(spec.permission().name());
      assertThat(texts(channel.path("x-roles"))).as(spec.name() + " x-roles").containsExactlyInAnyOrderElementsOf(allowed);
      allowed.forEach(code -> assertThat(channel.path("description").asText()).as(spec.name()).contains(code));
    }
  }

  @Test
  void securityGuideRoleTableMatchesRoles() throws IOException {
    List<String> lines = Files.readAllLines(SECURITY_GUIDE, StandardCharsets.UTF_8);
    int start = 0;
    while (start < lines.size() && !lines.get(start).startsWith("| role | READ_")) {
      start++;
    }
    assertThat(start).as("a roles x permissions table in " + SECURITY_GUIDE).isLessThan(lines.size());
    List<String> header = cells(lines.get(start));
    List<String> permissions = header.subList(1, header.size());
    assertThat(permissions).containsExactlyInAnyOrderElementsOf(
        Arrays.stream(Permission.values()).map(Enum::name).toList());
    Map<String, List<String>> rows = new LinkedHashMap<>();
    for (String line : lines.subList(start + 2, lines.size())) {
      if (!line.startsWith("|")) {
        break;
      }
      List<String> cells = cells(line);
      rows.put(cells.get(0).replace("`", ""), cells.subList(1, cells.size()));
    }
    assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(Arrays.stream(Role.values()).map(Role::code).toList());
    for (Role role : Role.values()) {
      for (int i = 0; i < permissions.size(); i++) {
        assertThat(rows.get(role.code()).get(i)).as(role.code() + " " + permissions.get(i))
            .isEqualTo(role.may(Permission.valueOf(permissions.get(i))) ? "yes" : "no");
      }
    }
  }

  @Test
  void listsTheAlertKindsEachRoleReceives() {
    JsonNode byRole = liveChannels().get(DashboardService.ALERTS).path("x-alert-kinds-by-role");
    for (Role role : Role.values()) {
      Set<String> kinds = Arrays.stream(AlertKind.values()).filter(role::receives).map(Enum::name)
          .collect(Collectors.toSet());
      assertThat(texts(byRole.path(role.code()))).as(role.code()).containsExactlyInAnyOrderElementsOf(kinds);
    }
  }

  @Test
  void documentsEveryErrorCodeTheSessionSends() throws IOException {
    String source = Files.readString(LIVE_SOURCES.resolve("ClientSession.java"), StandardCharsets.UTF_8);
    Set<String> sent = matches(Pattern.compile("\\berror\\(\\s*\"([^\"]+)\""), source);
    assertThat(sent).as("error codes found in ClientSession.java").contains("bad-json", "forbidden", "token-expired");
    JsonNode code = doc.at("/components/messages/error/payload/properties/code");
    assertThat(texts(code.path("enum"))).containsExactlyInAnyOrderElementsOf(sent);
    sent.forEach(c -> assertThat(code.path("description").asText()).as("described: " + c).contains("`" + c + "`"));
  }

  @Test
  void documentsEveryCloseCode() throws IOException {
    String source = Files.readString(LIVE_SOURCES.resolve("ClientSession.java"), StandardCharsets.UTF_8);
    Set<String> codes = matches(Pattern.compile("static final short \\w+ = (\\d+);"), source);
    assertThat(codes).contains("4401", "4408");
    JsonNode documented = doc.at("/channels/control/x-close-codes");
    Set<String> names = new TreeSet<>();
    documented.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactlyInAnyOrderElementsOf(codes);
    String description = doc.at("/info/description").asText();
    codes.forEach(c -> assertThat(description).as("close code " + c + " in info.description").contains(c));
  }

  @Test
  void documentsTheFilterFieldsTheServerKnows() throws IOException {
    String source = Files.readString(LIVE_SOURCES.resolve("SubscriptionFilter.java"), StandardCharsets.UTF_8);
    Matcher known = Pattern.compile("KNOWN = Set\\.of\\(([^)]*)\\)").matcher(source);
    assertThat(known.find()).as("SubscriptionFilter.KNOWN").isTrue();
    Set<String> fields = matches(Pattern.compile("\"([^\"]+)\""), known.group(1));
    Set<String> documented = new TreeSet<>();
    doc.at("/components/schemas/filter/properties").fieldNames().forEachRemaining(documented::add);
    assertThat(documented).containsExactlyInAnyOrderElementsOf(fields);
  }

  @Test
  void realSnapshotsAndUpdatesMatchTheirDocumentedPayloads() {
    Instant at = Instant.parse("2026-12-01T08:00:00Z");
    Map<String, JsonObject> values = new LinkedHashMap<>();
    values.put(DashboardService.PRESSURE_TRUST, LiveJson.of(new TrustPressure("RXN", "Royal Preston", "QE1", at,
        List.of(new Measure("gaOccupancyPct", "G&A occupancy", 97.1, "%", at, 4, 0.3, 30.0)), 78.5, 3, "t1", 0.9))
        .put("updatedAt", at.toString()));
    values.put(DashboardService.PRESSURE_SYSTEM, LiveJson.of(new SystemPressure("QE1", at, 70.0, 3, 4,
        List.of(new SystemPressure.TrustPart("RXN", 78.5, 3, 700)), "t1", new SystemPressure.Trend(5.0, 9.0, true)))
        .put("updatedAt", at.toString()));
    values.put(DashboardService.ALERTS, LiveJson.of(new Alert("trust-opel-4/RXN@1764576000000", "trust-opel-4/RXN",
        "trust-opel-4", "r1", AlertKind.TRUST_LEVEL, Alert.Severity.CRITICAL, "RXN", "QE1", "RXN", "RXN1",
        Alert.AlertState.RESOLVED, "RXN is at OPEL 4", "RXN has been at OPEL 4 since 08:00.",
        List.of(new Alert.Figure("score", "Score", 86, "points", at)),
        new Alert.ActionCard("OPEL 4", List.of("Call gold")), at, at, "Sam", "noted", at, "Sam", "cleared", at,
        at, at)));
    values.put(DashboardService.FEEDS_STATUS, LiveJson.of(new FeedStatus("RXN", "QE1", "sitrep", at, at, 3, 1, at,
        "beds.gaOccupied: must be at most 1000", LocalDate.parse("2026-12-01"))));
    values.put(DashboardService.MUTUAL_AID, new JsonObject().put("id", "s1").put("systemCode", "QE1")
        .put("orgCode", "RXN").put("to", "RXL"));
    values.put(DashboardService.VACCINE_STOCK, new JsonObject().put("systemCode", "QE1").put("orgCode", "RXN")
        .put("siteCode", "RXN2H").put("product", "flu").put("doses", 120));
    values.put(DashboardService.VACCINE_MOVEMENTS, new JsonObject().put("systemCode", "QE1").put("orgCode", "RXN")
        .put("siteCode", "RXN2H").put("id", "m1"));
    assertThat(values.keySet()).containsExactlyInAnyOrderElementsOf(liveChannels().keySet());
    // A value whose fields are all null or absent must validate too (feed status with nothing refused).
    JsonObject quietFeed = LiveJson.of(new FeedStatus("RXL", "QE1", "bed-state", null, null, 0, 0, null, null,
        LocalDate.parse("2026-12-01")));

    values.forEach((name, value) -> {
      LiveChannel channel = new LiveChannel(name, 10);
      String key = "k-" + name;
      channel.publish(key, value);
      if (name.equals(DashboardService.FEEDS_STATUS)) {
        channel.publish("RXL/bed-state", quietFeed);
      }
      JsonNode channelDoc = liveChannels().get(name);
      JsonNode snapshot = node(channel.snapshot(v -> true));
      JsonNode update = node(new JsonObject(channel.since(0).orElseThrow().stream()
          .filter(u -> u.key().equals(key)).findFirst().orElseThrow().frame()));
      assertValid(name + " snapshot", snapshot, resolve(channelDoc.at("/messages/snapshot")).path("payload"));
      assertValid(name + " update", update, resolve(channelDoc.at("/messages/update")).path("payload"));
      JsonNode updates = node(new JsonObject(UpdateBatch.messages(name, channel.epoch(), channel.since(0).orElseThrow())
          .get(0).text()));
      assertValid(name + " updates", updates, resolve(channelDoc.at("/messages/updates")).path("payload"));
      JsonNode dataSchema = inline(resolve(channelDoc.at("/messages/update")).at("/payload/properties/data"));
      if (!dataSchema.path("additionalProperties").asBoolean(false)) {
        assertThat(undocumented(update.path("data"), dataSchema, "data")).as(name + ": fields sent but not documented")
            .isEmpty();
      }
    });
  }

  private static void assertValid(String what, JsonNode message, JsonNode schema) {
    Set<ValidationMessage> problems = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
        .getSchema(inline(schema)).validate(message);
    assertThat(problems).as(what + " " + message).isEmpty();
  }

  /** The documented live channels by their wire name ({@code x-live-channel}). */
  private static Map<String, JsonNode> liveChannels() {
    Map<String, JsonNode> channels = new LinkedHashMap<>();
    doc.path("channels").forEach(channel -> {
      if (channel.has("x-live-channel")) {
        JsonNode previous = channels.put(channel.path("x-live-channel").asText(), channel);
        assertThat(previous).as("documented once: " + channel.path("x-live-channel").asText()).isNull();
      }
    });
    return channels;
  }

  /** Fields of a value that its schema does not name (objects with properties, arrays with items). */
  private static List<String> undocumented(JsonNode value, JsonNode schema, String path) {
    List<String> missing = new ArrayList<>();
    if (value.isObject() && schema.has("properties")) {
      value.fieldNames().forEachRemaining(field -> {
        JsonNode property = schema.path("properties").path(field);
        if (property.isMissingNode()) {
          missing.add(path + "." + field);
        } else {
          missing.addAll(undocumented(value.path(field), property, path + "." + field));
        }
      });
    } else if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        missing.addAll(undocumented(value.get(i), schema.path("items"), path + "[" + i + "]"));
      }
    }
    return missing;
  }

  /** The node itself, or what its {@code $ref} points at. */
  private static JsonNode resolve(JsonNode node) {
    return node.has("$ref") ? resolve(doc.at(node.path("$ref").asText().substring(1))) : node;
  }

  /** A copy with every local {@code $ref} replaced by its target, so a schema stands alone. */
  private static JsonNode inline(JsonNode node) {
    JsonNode target = resolve(node);
    if (target.isObject()) {
      ObjectNode copy = JSON.createObjectNode();
      target.properties().forEach(e -> copy.set(e.getKey(), inline(e.getValue())));
      return copy;
    }
    if (target.isArray()) {
      var copy = JSON.createArrayNode();
      target.forEach(item -> copy.add(inline(item)));
      return copy;
    }
    return target;
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.has("$ref")) {
      refs.add(node.path("$ref").asText());
    }
    node.forEach(child -> collectRefs(child, refs));
  }

  private static JsonNode node(JsonObject json) {
    try {
      return JSON.readTree(json.encode());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Set<String> texts(JsonNode array) {
    Set<String> values = new TreeSet<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static List<String> cells(String row) {
    return Arrays.stream(row.substring(1, row.lastIndexOf('|')).split("\\|")).map(String::strip).toList();
  }

  private static Set<String> matches(Pattern pattern, String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }
}
