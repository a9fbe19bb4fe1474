package dev.warden.local;

import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;

import dev.warden.testsupport.KafkaSetup;

/**
 * The helper of deploy/local/warden ({@code warden tool CMD [-Dkey=value ...]}):
 * <ul>
 * <li>{@code topics} creates and checks the Warden topics and the ACLs (test-support's {@link KafkaSetup},
 * the same setup the test broker gets);</li>
 * <li>{@code pg-init} creates the services' databases;</li>
 * <li>{@code scenario} sends the simulator's default scenario and follows it to bans and mails;</li>
 * <li>{@code smoke} runs the end-to-end checks of {@code warden --smoke}.</li>
 * </ul>
 * The platform's endpoints come from system properties ({@link Endpoints}). Errors end with one clear line
 * on stderr and exit code 1, never a stack trace.
 */
public final class WardenTool {

    private WardenTool() {
    }

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        try {
            switch (args.length == 0 ? "" : args[0]) {
                case "topics" -> topics();
                case "pg-init" -> System.out.println(Databases.createMissing());
                case "scenario" -> ScenarioRun.run();
                case "smoke" -> SmokeChecks.run();
                default -> throw new Failure("usage: warden tool topics|pg-init|scenario|smoke [-Dkey=value ...]");
            }
        } catch (Failure | IllegalStateException e) {
            fail(e.getMessage());
        } catch (Exception e) {
            fail(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        System.exit(0);
    }

    private static void fail(String message) {
        System.out.flush();
        System.err.println("ERROR: " + message);
        System.exit(1);
    }

    private static void topics() {
        int partitions = Integer.parseInt(Endpoints.conf("partitions", "3"));
        try (Admin admin = Admin.create(Endpoints.adminClient())) {
            KafkaSetup.Outcome o = KafkaSetup.apply(admin, partitions);
            System.out.println((o.created() == 0 ? "" : "created " + o.created() + ", ") + o.acls() + " ACLs, present: "
                    + o.partitions().entrySet().stream().map(e -> e.getKey() + "(" + e.getValue() + ")")
                            .collect(Collectors.joining(", ")));
        } catch (IllegalStateException e) {
            throw new Failure(e.getMessage()
                    + (e.getMessage().contains("expected at least") ? " (run deploy/local/warden --clean to start from scratch)" : ""));
        }
    }
}
