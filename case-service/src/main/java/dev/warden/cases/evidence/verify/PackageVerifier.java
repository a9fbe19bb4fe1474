package dev.warden.cases.evidence.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import dev.warden.cases.crypto.Sha256;

/**
 * Checks an evidence package (ZIP) on its own, with nothing but the JDK, so a court expert can run it:
 * every file listed in CHECKSUMS.sha256 is present and unaltered, nothing unlisted was added, the items
 * form one unbroken hash chain (seq 1..n, each naming its predecessor's hash) of a single case, and
 * every capture is the one its item names. Reads the ZIP as a stream; holds only hashes.
 */
public final class PackageVerifier {

    public static final String CHECKSUMS = "CHECKSUMS.sha256";
    static final String GENESIS = "0".repeat(64);
    private static final String SHA_KEY = "\"contentSha256\":\"";

    /** The verdict: intact, or the problems found, each naming the entry concerned. */
    public record Report(boolean intact, String caseId, int items, int chainHeadSeq, String chainHead,
            List<Problem> problems, Map<Integer, String> itemHashes) {
    }

    public record Problem(String entry, String problem) {
        @Override
        public String toString() {
            return entry + ": " + problem;
        }
    }

    private record ItemHeader(String caseId, int seq, String prev, String contentSha256) {
    }

    /**
     * What a package may inflate to: a ZIP bomb (a small upload that inflates to gigabytes) or a flood of
     * entries stops at the first limit it crosses, before it can exhaust memory.
     */
    public record Limits(long maxEntryBytes, long maxTotalBytes, int maxEntries) {
        /** For the offline tool: generous, but still finite. */
        public static final Limits OFFLINE = new Limits(64L << 20, 16L << 30, 1_000_000);
    }

    /** The package crossed a {@link Limits limit}; {@link #tooMany()} for the entry count, else a size. */
    public static final class LimitExceeded extends IOException {
        private final boolean tooMany;

        LimitExceeded(String message, boolean tooMany) {
            super(message);
            this.tooMany = tooMany;
        }

        public boolean tooMany() {
            return tooMany;
        }
    }

    private PackageVerifier() {
    }

    public static Report verify(InputStream in) throws IOException {
        return verify(in, Limits.OFFLINE);
    }

    public static Report verify(InputStream in, Limits limits) throws IOException {
        long[] total = {0};
        int entries = 0;
        Map<String, String> hashes = new HashMap<>();
        Map<String, ItemHeader> headers = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        String checksums = null;
        try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (++entries > limits.maxEntries()) {
                    throw new LimitExceeded("the package has more than " + limits.maxEntries() + " entries", true);
                }
                String name = e.getName();
                if (hashes.containsKey(name) || (CHECKSUMS.equals(name) && checksums != null)) {
                    problems.add(new Problem(name, "appears twice in the package"));
                }
                if (CHECKSUMS.equals(name)) {
                    checksums = new String(read(zip, name, limits, total), StandardCharsets.UTF_8);
                } else if (name.startsWith("items/")) {
                    byte[] bytes = read(zip, name, limits, total); // one item at a time, never the package
                    hashes.put(name, Sha256.hex(bytes));
                    headers.put(name, header(new String(bytes, StandardCharsets.UTF_8)));
                } else {
                    hashes.put(name, digest(zip, name, limits, total));
                }
            }
        } catch (java.util.zip.ZipException ex) {
            problems.add(new Problem("package", "is not a readable ZIP: " + ex.getMessage()));
            return new Report(false, null, 0, 0, null, problems, Map.of());
        }
        if (checksums == null) {
            problems.add(new Problem(CHECKSUMS, "is missing: the package cannot be checked"));
            return new Report(false, null, 0, 0, null, problems, Map.of());
        }

        Map<String, String> listed = new LinkedHashMap<>();
        for (String line : checksums.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int sep = line.indexOf("  ");
            if (sep != 64) {
                problems.add(new Problem(CHECKSUMS, "malformed line: " + line));
                continue;
            }
            listed.put(line.substring(sep + 2), line.substring(0, 64));
        }
        String caseId = null;
        String prevHash = GENESIS;
        int expectedSeq = 1;
        Map<Integer, String> itemHashes = new LinkedHashMap<>();
        Map<Integer, String> captureOfSeq = new HashMap<>();
        for (Map.Entry<String, String> l : listed.entrySet()) {
            String name = l.getKey();
            String actual = hashes.get(name);
            if (actual == null) {
                problems.add(new Problem(name, "is listed but missing from the package (dropped)"));
            } else if (!actual.equals(l.getValue())) {
                problems.add(new Problem(name, "was altered: its SHA-256 is " + actual + ", the package lists " + l.getValue()));
            }
            if (name.startsWith("items/")) {
                ItemHeader h = headers.get(name);
                if (h == null) {
                    if (actual != null) {
                        problems.add(new Problem(name, "has no evidence header line"));
                    }
                    expectedSeq++;
                    prevHash = l.getValue();
                    continue;
                }
                if (caseId == null) {
                    caseId = h.caseId();
                } else if (!caseId.equals(h.caseId())) {
                    problems.add(new Problem(name, "belongs to case " + h.caseId() + ", not to " + caseId));
                }
                if (h.seq() != expectedSeq) {
                    problems.add(new Problem(name, "is item " + h.seq() + " but stands where item " + expectedSeq
                            + " belongs (an item was dropped or the items were reordered)"));
                }
                if (!h.prev().equals(prevHash)) {
                    problems.add(new Problem(name, "breaks the hash chain: it names predecessor " + h.prev()
                            + " but the item before it hashes to " + prevHash));
                }
                if (h.contentSha256() != null) {
                    captureOfSeq.put(h.seq(), h.contentSha256());
                }
                itemHashes.put(h.seq(), l.getValue());
                prevHash = l.getValue();
                expectedSeq++;
            } else if (name.startsWith("captures/")) {
                int seq = Integer.parseInt(name.substring("captures/".length(), name.indexOf('.')));
                String named = captureOfSeq.get(seq);
                if (named == null || !named.equals(l.getValue())) {
                    problems.add(new Problem(name, "is not the capture its item " + seq + " names"));
                }
            }
        }
        for (String name : hashes.keySet()) {
            if (!listed.containsKey(name)) {
                problems.add(new Problem(name, "is in the package but not listed in " + CHECKSUMS + " (added)"));
            }
        }
        problems.sort((a, b) -> a.entry().compareTo(b.entry()));
        return new Report(problems.isEmpty(), caseId, itemHashes.size(), expectedSeq - 1, prevHash, problems, itemHashes);
    }

    private static ItemHeader header(String text) {
        int nl = text.indexOf('\n');
        if (!text.startsWith("warden-evidence/1 ") || nl < 0) {
            return null;
        }
        Map<String, String> kv = new HashMap<>();
        for (String part : text.substring(0, nl).split(" ")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                kv.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        try {
            String sha = null;
            int at = text.indexOf(SHA_KEY, nl);
            if (at > 0 && "OFF_PLATFORM".equals(kv.get("kind"))) {
                sha = text.substring(at + SHA_KEY.length(), at + SHA_KEY.length() + 64);
            }
            return new ItemHeader(kv.get("case"), Integer.parseInt(kv.get("seq")), kv.get("prev"), sha);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The entry's inflated bytes, counted against the limits as they inflate (never the declared size). */
    private static byte[] read(InputStream in, String name, Limits limits, long[] total) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        stream(in, name, limits, total, out::write);
        return out.toByteArray();
    }

    private static String digest(InputStream in, String name, Limits limits, long[] total) throws IOException {
        MessageDigest md = Sha256.newDigest();
        stream(in, name, limits, total, md::update);
        return Sha256.hex(md);
    }

    private interface Sink {
        void accept(byte[] buf, int off, int len);
    }

    private static void stream(InputStream in, String name, Limits limits, long[] total, Sink sink) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long entry = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            entry += n;
            total[0] += n;
            if (entry > limits.maxEntryBytes()) {
                throw new LimitExceeded(name + " inflates to more than " + limits.maxEntryBytes() + " bytes", false);
            }
            if (total[0] > limits.maxTotalBytes()) {
                throw new LimitExceeded("the package inflates to more than " + limits.maxTotalBytes() + " bytes", false);
            }
            sink.accept(buf, 0, n);
        }
    }


}
