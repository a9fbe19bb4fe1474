package dev.warden.detection.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The benchmarks' CPU figures are the service's only if they run under the collector it is deployed with. */
class ProductionJvmTest {

    @Test
    void testsRunUnderTheCollectorTheServiceIsDeployedWith() throws Exception {
        String opts = ProductionJvm.javaOpts();
        assertThat(opts).as("the manifest's JAVA_OPTS name a collector").containsPattern("-XX:\\+Use\\w+GC");
        assertThat(ProductionJvm.collectorFlagsMissing(opts))
                .as("detection-service/pom.xml <argLine> and quarkus.kubernetes.env.vars.java-opts name the same collector")
                .isEmpty();
    }

    @Test
    void aCollectorTheJvmWasNotStartedWithIsReported() {
        assertThat(ProductionJvm.collectorFlagsMissing("-Xmx512m -XX:+UseEpsilonGC")).containsExactly("-XX:+UseEpsilonGC");
        assertThat(ProductionJvm.collectorFlagsMissing("-Xmx512m")).isEmpty();
    }

    @Test
    void theBenchmarkLineNamesTheFlagsThisJvmRunsWith() {
        // the pom's argLine starts the test JVM with the service's collector: the line must say which flags ran
        assertThat(ProductionJvm.describe()).containsPattern("flags [^;]*-XX:\\+UseParallelGC[^;]*;");
    }
}
