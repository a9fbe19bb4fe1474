package dev.warden.cases.evidence.verify;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Command line: {@code java -cp case-service/target/classes dev.warden.cases.evidence.verify.VerifyEvidencePackage package.zip}.
 * Prints INTACT with the chain head, or ALTERED with every problem; exit code 0 intact, 1 altered, 2 usage.
 */
public final class VerifyEvidencePackage {

    private VerifyEvidencePackage() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: VerifyEvidencePackage <evidence-package.zip>");
            System.exit(2);
        }
        PackageVerifier.Report r;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(Path.of(args[0])))) {
            r = PackageVerifier.verify(in);
        }
        if (r.intact()) {
            System.out.printf("INTACT case=%s items=%d chain-head=%s%n", r.caseId(), r.items(), r.chainHead());
            System.exit(0);
        }
        System.out.printf("ALTERED case=%s: %d problem(s)%n", r.caseId(), r.problems().size());
        r.problems().forEach(p -> System.out.println("  " + p));
        System.exit(1);
    }
}
