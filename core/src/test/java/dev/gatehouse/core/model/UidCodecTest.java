package dev.gatehouse.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UidCodecTest {

  private static final String[] PACKABLE = {"C0", "C1", "CsfrhZ1PTdwRU17FJ4", "C416F9UviRJtM0Xmd",
      "CELeYZMpSvEMhVtX", "Czzzzzzzzzzzzzzzzzzz", "0", "a", "ZZZZZZZZZZ", "A1b2C3d4E5f6"};

  @Test
  void packableUidsRoundTrip() {
    UidCodec codec = new UidCodec();
    for (String uid : PACKABLE) {
      assertThat(codec.parse(uid)).as(uid).isTrue();
      assertThat(UidCodec.format(codec.high, codec.low)).isEqualTo(uid);
      byte[] bytes = ("-" + uid + "-").getBytes(StandardCharsets.US_ASCII);
      assertThat(codec.parse(bytes, 1, bytes.length - 1)).as(uid).isTrue();
      assertThat(UidCodec.format(codec.high, codec.low)).isEqualTo(uid);
    }
  }

  @Test
  void otherUidsAreNotPackable() {
    UidCodec codec = new UidCodec();
    for (String uid : new String[] {"", "uid-1", "C_1", "C 1", "Czzzzzzzzzzzzzzzzzzzz", "Cé"}) {
      assertThat(codec.parse(uid)).as(uid).isFalse();
    }
  }

  @Test
  void packedOrderIsTextOrder() {
    UidCodec codec = new UidCodec();
    for (String a : PACKABLE) {
      for (String b : PACKABLE) {
        codec.parse(a);
        long aHigh = codec.high;
        long aLow = codec.low;
        codec.parse(b);
        int packed = Long.compareUnsigned(aHigh, codec.high);
        if (packed == 0) {
          packed = Long.compareUnsigned(aLow, codec.low);
        }
        assertThat(Integer.signum(packed)).as(a + " vs " + b).isEqualTo(Integer.signum(a.compareTo(b)));
      }
    }
  }
}
