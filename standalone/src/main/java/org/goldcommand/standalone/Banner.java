package org.goldcommand.standalone;

import java.time.Duration;

/** What a new user needs on screen once the embedded default is up. */
final class Banner {

  private Banner() {}

  static String text(StandaloneConfig config, Standalone standalone, Duration took) {
    int dash = standalone.dashboardPort();
    int ingest = standalone.ingestPort();
    return """

        Gold Command is running (started in %.1f s). Press Ctrl-C to stop.

          Wall               http://localhost:%d/wall   (pick a demo person; a screen: /wall?as=viewer-lsc)
          Submit a sitrep    http://localhost:%d/submit   (sign in with a demo key below)
          Live WebSocket     ws://localhost:%d/ws?access_token=<token>   (AsyncAPI: /asyncapi.yaml)
          REST API           http://localhost:%d/api/v1/...   (OpenAPI: /openapi.yaml; guide: docs/api.md)
          Feeds (ingest)     http://localhost:%d/v1/...   (OpenAPI: /openapi.yaml; guide: docs/feeds.md)
          HL7 v2 over MLLP   localhost:%d   (demo sending facilities RXN, RXL, RXR, RTX)
          Health / ready     http://localhost:%d/ready   http://localhost:%d/ready   http://localhost:%d/ready
          Metrics            http://localhost:%d/metrics
          Kafka              localhost:%d
          PostgreSQL         jdbc:postgresql://localhost:%d/postgres  (user postgres, password postgres)

        Demo people (demo profile only): viewer-lsc, lead-lsc, pharmacist-rxn, feeds-lsc, admin,
        viewer-elsewhere. A token for one (docs/security.md):
          curl -s -X POST http://localhost:%d/auth/demo-token -H 'Content-Type: application/json' -d '{"user":"lead-lsc"}'

        Demo API keys (demo profile only; each is bound to its trust):
          RXN demo-key-rxn   RXL demo-key-rxl   RXR demo-key-rxr   RTX demo-key-rtx
          simulator (all Lancashire and South Cumbria organisations) demo-key-simulator

        Try:  curl -i -X POST http://localhost:%d/v1/sitreps -H 'Authorization: Bearer demo-key-rxn' \\
                -H 'Content-Type: application/json' \\
                -d '{"orgCode":"RXN","asAt":"<now, ISO-8601>","beds":{"gaCoreOpen":870,"gaOccupied":850}}'
        """.formatted(took.toMillis() / 1000.0, dash, dash, dash, dash, ingest, standalone.hl7Port(), dash, ingest, config.streamsPort(), dash,
        config.kafkaPort(), config.postgresPort(), dash, ingest);
  }
}
