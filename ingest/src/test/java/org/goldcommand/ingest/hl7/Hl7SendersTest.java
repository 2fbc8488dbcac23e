package org.goldcommand.ingest.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.goldcommand.events.reference.ReferenceDataLoader;
import org.goldcommand.platform.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Hl7SendersTest {

  @TempDir
  Path dir;

  Path file(String yaml) throws Exception {
    Path file = dir.resolve("senders.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void theDemoRegistrationsMatchTheDemoReferenceData() {
    Hl7Senders demo = Hl7Senders.demo();
    assertThat(demo.problems(ReferenceDataLoader.demo())).isEmpty();
    Hl7Sender rxn = demo.find("rxn").orElseThrow();
    assertThat(rxn.organisations()).containsExactly("RXN");
    assertThat(rxn.siteFor("")).isEqualTo("RXN02");
    assertThat(rxn.siteFor("cdh")).isEqualTo("RXN01");
    assertThat(rxn.siteFor("RXN01")).isEqualTo("RXN01");
    assertThat(demo.find("NOPE")).isEmpty();
  }

  @Test
  void applicationsAndAddressesNarrowASender() throws Exception {
    Hl7Senders senders = Hl7Senders.fromFile(file("""
        senders:
          - facility: RXN
            applications: [lorenzo]
            organisations: [RXN]
            addresses: [10.20.0.0/16, 192.168.1.7, "2001:db8::/32"]
        """));
    Hl7Sender rxn = senders.find("RXN").orElseThrow();
    assertThat(rxn.allowsApplication("LORENZO")).isTrue();
    assertThat(rxn.allowsApplication("OTHER")).isFalse();
    assertThat(rxn.allowsAddress(InetAddress.getByName("10.20.3.4"))).isTrue();
    assertThat(rxn.allowsAddress(InetAddress.getByName("10.21.3.4"))).isFalse();
    assertThat(rxn.allowsAddress(InetAddress.getByName("192.168.1.7"))).isTrue();
    assertThat(rxn.allowsAddress(InetAddress.getByName("192.168.1.8"))).isFalse();
    assertThat(rxn.allowsAddress(InetAddress.getByName("2001:db8:1::5"))).isTrue();
    assertThat(rxn.allowsAddress(InetAddress.getByName("127.0.0.1"))).isFalse();
    assertThat(rxn.siteFor("")).isNull();
  }

  @Test
  void oddPrefixesMaskPartOfAByte() {
    AddressRange range = AddressRange.parse("172.16.0.0/12");
    assertThat(range.contains(address("172.31.255.1"))).isTrue();
    assertThat(range.contains(address("172.32.0.1"))).isFalse();
    assertThat(AddressRange.parse("0.0.0.0/0").contains(address("8.8.8.8"))).isTrue();
    assertThatThrownBy(() -> AddressRange.parse("cafe.face")).hasMessageContaining("not an IP address");
    assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/33")).hasMessageContaining("prefix");
  }

  static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Test
  void badRegistrationsAreRefusedWithEveryProblem() throws Exception {
    Path bad = file("""
        senders:
          - facility: "RX N"
            organisations: [RXN]
          - facility: RXL
            organisations: []
          - facility: RXR
            organisations: [RXR]
            addresses: [lancaster.example.org]
          - facility: RTX
            organisations: [RTX]
          - facility: rtx
            organisations: [RTX]
        """);
    assertThatThrownBy(() -> Hl7Senders.fromFile(bad)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'RX N'").hasMessageContaining("RXL has no organisations")
        .hasMessageContaining("lancaster.example.org").hasMessageContaining("registered twice");
  }

  @Test
  void unknownFieldsAreRefused() throws Exception {
    Path bad = file("""
        senders:
          - facility: RXN
            organisations: [RXN]
            defaultSide: RXN02
        """);
    assertThatThrownBy(() -> Hl7Senders.fromFile(bad)).hasMessageContaining("defaultSide");
  }

  @Test
  void registrationsAreCheckedAgainstTheReferenceData() throws Exception {
    Hl7Senders senders = Hl7Senders.fromFile(file("""
        senders:
          - facility: RXN
            organisations: [RXN, ZZZ]
            defaultSite: RXL01
            siteAliases: {OLD: RXN99}
        """));
    assertThat(senders.problems(ReferenceDataLoader.demo())).containsExactlyInAnyOrder(
        "HL7 sender RXN: organisation ZZZ is not in the reference data",
        "HL7 sender RXN: site RXL01 is owned by RXL, which it is not registered for",
        "HL7 sender RXN: site RXN99 is not in the reference data");
  }

  @Test
  void configurationNeedsASecretAndSendersOutsideTheDemo() throws Exception {
    Settings production = new Settings(Map.of("GC_PROFILE", "production",
        "GC_HL7_STAY_REF_SECRET", Hl7Config.DEMO_STAY_REF_SECRET, "GC_HL7_PORT", "abc"));
    Hl7Config.from(production);
    assertThatThrownBy(production::validate)
        .hasMessageContaining("GC_HL7_STAY_REF_SECRET is the public demo secret")
        .hasMessageContaining("GC_HL7_SENDERS_FILE is required")
        .hasMessageContaining("GC_HL7_PORT=abc");

    Settings noSecret = new Settings(Map.of("GC_PROFILE", "production", "GC_HL7_STAY_REF_SECRET", "short"));
    Hl7Config.from(noSecret);
    assertThatThrownBy(noSecret::validate).hasMessageContaining("at least 32 characters");

    Path senders = file("senders: [{facility: RXN, organisations: [RXN]}]");
    Settings good = new Settings(Map.of("GC_PROFILE", "production", "GC_HL7_STAY_REF_SECRET", "s".repeat(40),
        "GC_HL7_SENDERS_FILE", senders.toString(), "GC_HL7_PORT", "3575", "GC_HL7_MAX_MESSAGE_BYTES", "65536"));
    Hl7Config config = Hl7Config.from(good);
    good.validate();
    assertThat(config.port()).isEqualTo(3575);
    assertThat(config.maxMessageBytes()).isEqualTo(65_536);
    assertThat(config.senders().find("RXN")).isPresent();
    assertThat(config.toString()).doesNotContain("ssss");
  }

  @Test
  void theDemoProfileNeedsNothing() {
    Settings demo = new Settings(Map.of("GC_PROFILE", "demo", "GC_BIND_HOST", "127.0.0.1"));
    Hl7Config config = Hl7Config.from(demo);
    demo.validate();
    assertThat(config.port()).isEqualTo(2575);
    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.stayRefSecret()).isEqualTo(Hl7Config.DEMO_STAY_REF_SECRET);
    assertThat(config.senders().find("RTX")).isPresent();
  }
}
