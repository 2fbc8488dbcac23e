package org.goldcommand.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The full stack cannot be started here (no Docker engine), so its files are checked for the
 * mistakes that would stop {@code docker compose up}: a mounted file that does not exist, an image
 * no module builds, a Prometheus target that is not a service.
 */
class ComposeStackTest {

  static final Path ROOT = Path.of("..");
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  JsonNode compose() throws Exception {
    return YAML.readTree(ROOT.resolve("docker-compose.yml").toFile());
  }

  @Test
  void everyMountedHostPathExists() throws Exception {
    List<String> missing = new ArrayList<>();
    compose().get("services").forEach(service -> {
      JsonNode volumes = service.get("volumes");
      if (volumes != null) {
        volumes.forEach(v -> {
          String host = v.asText().split(":")[0];
          if (host.startsWith("./") && !Files.exists(ROOT.resolve(host))) {
            missing.add(host);
          }
        });
      }
    });
    assertThat(missing).isEmpty();
  }

  @Test
  void everyGoldCommandImageIsBuiltByAModuleWithJib() throws Exception {
    compose().get("services").forEach(service -> {
      String image = service.path("image").asText();
      if (image.startsWith("goldcommand/")) {
        String module = image.substring("goldcommand/".length(), image.indexOf(':'));
        Path pom = ROOT.resolve(module).resolve("pom.xml");
        assertThat(pom).as(image).exists();
        assertThat(pom).content().as(image).contains("jib-maven-plugin").contains("<mainClass>");
      }
    });
  }

  @Test
  void prometheusScrapesEveryServiceOnItsPort() throws Exception {
    JsonNode services = compose().get("services");
    JsonNode prometheus = YAML.readTree(ROOT.resolve("prometheus/prometheus.yml").toFile());
    prometheus.get("scrape_configs").get(0).get("static_configs").get(0).get("targets").forEach(target -> {
      String[] hostPort = target.asText().split(":");
      JsonNode service = services.get(hostPort[0]);
      assertThat(service).as(target.asText()).isNotNull();
      assertThat(service.get("ports").toString()).as(target.asText()).contains(hostPort[1] + ":" + hostPort[1]);
    });
  }
}
