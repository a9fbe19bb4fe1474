package dev.warden.detection.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import com.sun.management.HotSpotDiagnosticMXBean;

import dev.warden.detection.ServiceStreamsConfig;

/**
 * The JVM options the service is deployed with (its manifest's {@code JAVA_OPTS}, from
 * {@code quarkus.kubernetes.env.vars.java-opts}) against the JVM a benchmark runs in: the collector changes the
 * stream thread's CPU per event by about a seventh, so a figure taken under another one is not the service's.
 */
final class ProductionJvm {

    private ProductionJvm() {
    }

    static String javaOpts() {
        return ServiceStreamsConfig.applicationProperties().getProperty("quarkus.kubernetes.env.vars.java-opts", "");
    }

    /** The {@code -XX:+Use…GC} flags in {@code options} that are not on in this JVM (asked of the VM, not its command line). */
    static List<String> collectorFlagsMissing(String options) {
        return Arrays.stream(options.trim().split("\\s+"))
                .filter(o -> o.startsWith("-XX:+Use") && o.endsWith("GC"))
                .filter(o -> !on(o.substring("-XX:+".length())))
                .toList();
    }

    private static boolean on(String flag) {
        try {
            return "true".equals(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(flag)
                    .getValue());
        } catch (IllegalArgumentException unknownToThisVm) {
            return false;
        }
    }

    /** One line for the benchmark's output: this JVM, its collectors, the service's options, and a mismatch. */
    static String describe() {
        String opts = javaOpts();
        String collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", "));
        List<String> missing = collectorFlagsMissing(opts);
        // this JVM's -X/-XX flags: a run with an extra one (-Dbench.jvm=...) names it
        String flags = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-X")).collect(Collectors.joining(" "));
        return String.format("JVM %s, collectors %s, flags %s; the service's JAVA_OPTS: %s%s", Runtime.version(),
                collectors, flags.isEmpty() ? "(none)" : flags, opts.isEmpty() ? "(none)" : opts,
                missing.isEmpty() ? "" : "; WARNING: not started with " + missing + ", figures are not the service's");
    }
}
