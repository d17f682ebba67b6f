package io.github.eec.pipeline.output;

import io.github.eec.pipeline.rollup.RollUps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The folders a plain run writes its outputs into, by name (a run's staging folders). */
public interface OutputFolders {
  String HOURLY = "hourly";
  String REJECTS = "rejects";
  String CSV = "csv";

  /** Every output a plain run can publish, in the order it publishes them. */
  List<String> ALL =
      List.of(HOURLY, REJECTS, RollUps.DAILY, RollUps.REGIONAL_HOURLY, RollUps.REGIONAL_DAILY, CSV);

  String of(String name);

  /** The folders of the roll-ups. */
  default Map<String, String> rollUps() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String name : List.of(RollUps.DAILY, RollUps.REGIONAL_HOURLY, RollUps.REGIONAL_DAILY)) {
      m.put(name, of(name));
    }
    return m;
  }
}
