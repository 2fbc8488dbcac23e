package org.goldcommand.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FanOutBucketsTest {

  static final double INF = Double.POSITIVE_INFINITY;

  @Test
  void interpolatesWithinTheBucketHoldingTheRankAsHistogramQuantileDoes() {
    // 10 observations: 4 in (0, 10], 4 in (10, 20], 2 in (20, 40]
    FanOutBuckets buckets = new FanOutBuckets(new double[] {10, 20, 40, INF}, new double[4],
        new double[] {4, 8, 10, 10});

    assertThat(buckets.count()).isEqualTo(10);
    assertThat(buckets.quantile(0.2)).isCloseTo(5, within(1e-9));
    assertThat(buckets.quantile(0.5)).isCloseTo(12.5, within(1e-9));
    assertThat(buckets.quantile(0.9)).isCloseTo(30, within(1e-9));
    assertThat(buckets.quantile(1.0)).isCloseTo(40, within(1e-9));
  }

  @Test
  void onlyTheObservationsBetweenTheSnapshotsCount() {
    FanOutBuckets buckets = new FanOutBuckets(new double[] {10, 20, 40, INF}, new double[] {100, 100, 100, 100},
        new double[] {100, 110, 110, 110});

    assertThat(buckets.count()).isEqualTo(10);
    assertThat(buckets.quantile(0.5)).isCloseTo(15, within(1e-9));
  }

  @Test
  void aRankInTheOverflowBucketAnswersTheHighestFiniteBound() {
    FanOutBuckets buckets = new FanOutBuckets(new double[] {10, 20, INF}, new double[3], new double[] {1, 1, 10});

    assertThat(buckets.quantile(0.99)).isEqualTo(20);
  }

  @Test
  void anEmptyWindowHasNoQuantile() {
    FanOutBuckets buckets = new FanOutBuckets(new double[] {10, INF}, new double[] {3, 3}, new double[] {3, 3});

    assertThat(buckets.count()).isZero();
    assertThat(buckets.quantile(0.5)).isNaN();
  }

  @Test
  void readsAPrometheusTimersCumulativeBucketsInMilliseconds() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Timer timer = Timer.builder("t").publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(10)).register(registry);
    timer.record(500, TimeUnit.MILLISECONDS);
    var before = timer.takeSnapshot().histogramCounts();
    for (int i = 0; i < 100; i++) {
      timer.record(i < 50 ? 2 : 100, TimeUnit.MILLISECONDS);
    }

    FanOutBuckets buckets = FanOutBuckets.between(before, timer.takeSnapshot().histogramCounts());

    assertThat(buckets.count()).isEqualTo(100);
    assertThat(buckets.quantile(0.25)).isBetween(1.0, 2.5);
    assertThat(buckets.quantile(0.99)).isBetween(80.0, 120.0);
  }
}
