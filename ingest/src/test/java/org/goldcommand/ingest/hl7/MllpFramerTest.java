package org.goldcommand.ingest.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MllpFramerTest {

  final List<MllpFramer.Event> events = new ArrayList<>();
  final MllpFramer framer = new MllpFramer(64, events::add);

  static Buffer bytes(String s) {
    return Buffer.buffer(s.replace("<VT>", "\u000b").replace("<FS>", "\u001c").replace("<CR>", "\r"));
  }

  List<String> frames() {
    return events.stream().filter(e -> e instanceof MllpFramer.Frame)
        .map(e -> new String(((MllpFramer.Frame) e).bytes(), StandardCharsets.UTF_8)).toList();
  }

  @Test
  void oneFrameInOneRead() {
    framer.feed(bytes("<VT>MSH|a<CR>PV1|b<FS><CR>"));
    assertThat(frames()).containsExactly("MSH|a\rPV1|b");
  }

  @Test
  void aFrameSplitAcrossManyReadsIncludingBetweenFsAndCr() {
    for (String part : List.of("<VT>MS", "H|a", "<CR>PV1", "|b<FS>", "<CR>")) {
      framer.feed(bytes(part));
    }
    assertThat(frames()).containsExactly("MSH|a\rPV1|b");
    assertThat(events).hasSize(1);
  }

  @Test
  void byteByByte() {
    for (byte b : bytes("<VT>MSH|1<FS><CR><VT>MSH|2<FS><CR>").getBytes()) {
      framer.feed(Buffer.buffer(new byte[] {b}));
    }
    assertThat(frames()).containsExactly("MSH|1", "MSH|2");
  }

  @Test
  void manyFramesInOneRead() {
    framer.feed(bytes("<VT>MSH|1<FS><CR><VT>MSH|2<FS><CR>\r\n<VT>MSH|3<FS><CR>"));
    assertThat(frames()).containsExactly("MSH|1", "MSH|2", "MSH|3");
    assertThat(events).hasSize(3);
  }

  @Test
  void aMissingCrAfterFsIsTolerated() {
    framer.feed(bytes("<VT>MSH|1<FS><VT>MSH|2<FS>"));
    assertThat(frames()).containsExactly("MSH|1", "MSH|2");
  }

  @Test
  void anEmptyFrameIsStillAFrame() {
    framer.feed(bytes("<VT><FS><CR>"));
    assertThat(frames()).containsExactly("");
  }

  @Test
  void bytesOutsideAFrameAreReportedOncePerRead() {
    framer.feed(bytes("hello<VT>MSH|1<FS><CR>"));
    assertThat(events).hasSize(2);
    assertThat(events.get(0)).isEqualTo(new MllpFramer.Stray(5));
    assertThat(frames()).containsExactly("MSH|1");
  }

  @Test
  void whitespaceBetweenFramesIsNotStray() {
    framer.feed(bytes("\r\n  <VT>MSH|1<FS><CR>\n"));
    assertThat(events).hasSize(1);
  }

  @Test
  void aNewVtInsideAFrameCutsTheFirstShort() {
    framer.feed(bytes("<VT>MSH|1 half<VT>MSH|2<FS><CR>"));
    assertThat(events).hasSize(2);
    assertThat(new String(((MllpFramer.CutShort) events.get(0)).bytes(), StandardCharsets.UTF_8))
        .isEqualTo("MSH|1 half");
    assertThat(frames()).containsExactly("MSH|2");
  }

  @Test
  void anOversizedFrameIsReportedAtTheLimitAndNothingMoreIsRead() {
    framer.feed(bytes("<VT>MSH|" + "x".repeat(40)));
    assertThat(events).isEmpty();
    framer.feed(bytes("y".repeat(40) + "<FS><CR><VT>MSH|2<FS><CR>"));
    assertThat(events).hasSize(1);
    MllpFramer.Oversized big = (MllpFramer.Oversized) events.get(0);
    assertThat(big.start()).hasSize(64);
    assertThat(big.limit()).isEqualTo(64);
    framer.feed(bytes("<VT>MSH|3<FS><CR>"));
    assertThat(events).hasSize(1);
  }

  @Test
  void aFrameExactlyAtTheLimitIsAccepted() {
    framer.feed(bytes("<VT>" + "z".repeat(64) + "<FS><CR>"));
    assertThat(frames()).containsExactly("z".repeat(64));
  }
}
