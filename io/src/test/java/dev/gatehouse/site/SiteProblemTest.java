package dev.gatehouse.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.model.LikelyThresholds;
import dev.gatehouse.core.net.Cidr;
import dev.gatehouse.core.net.NetworkMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SiteProblemTest {

  @Test
  void formatNamesFileAndLine() {
    SiteProblem problem = new SiteProblem(4, 7, SiteProblem.ERROR, "'x' is not a valid CIDR");

    assertThat(problem.format("conf/site.yaml")).isEqualTo("conf/site.yaml:4: error: 'x' is not a valid CIDR");
    assertThat(problem).hasToString("line 4: error: 'x' is not a valid CIDR");
    assertThat(problem.isError()).isTrue();
  }

  @Test
  void wholeFileProblemHasNoLine() {
    SiteProblem problem = new SiteProblem(0, 0, SiteProblem.WARNING, "the file is empty");

    assertThat(problem.format("site.yaml")).isEqualTo("site.yaml: warning: the file is empty");
    assertThat(problem).hasToString("warning: the file is empty");
    assertThat(problem.isError()).isFalse();
  }

  @Test
  void severityMustBeKnown() {
    assertThatThrownBy(() -> new SiteProblem(1, 1, "fatal", "m"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("severity must be 'error' or 'warning', not 'fatal'");
    assertThatThrownBy(() -> new SiteProblem(-1, 1, SiteProblem.ERROR, "m"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("line and column must not be negative: -1:1");
  }

  @Test
  void siteConfigDefaults() {
    SiteConfig defaults = SiteConfig.defaults();

    assertThat(defaults.internal()).isEmpty();
    assertThat(defaults.likely()).isEqualTo(LikelyThresholds.DEFAULTS);
    assertThat(defaults.maxEvidence()).isEqualTo(10);
    assertThat(defaults.source()).isNull();
    assertThat(defaults.networkMap()).isSameAs(NetworkMap.defaults());
  }

  @Test
  void siteConfigCopiesNetworks() {
    List<NetworkMap.Network> networks = new ArrayList<>();
    networks.add(new NetworkMap.Network("a", Cidr.parse("10.0.0.0/8")));
    SiteConfig config = new SiteConfig(networks, LikelyThresholds.DEFAULTS, 1, Path.of("s.yaml"));
    networks.clear();

    assertThat(config.internal()).hasSize(1);
    assertThatThrownBy(() -> config.internal().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void siteConfigRejectsNegativeEvidence() {
    assertThatThrownBy(() -> new SiteConfig(List.of(), LikelyThresholds.DEFAULTS, -1, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxEvidence must not be negative: -1");
  }
}
